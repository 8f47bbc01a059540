using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using static Newsroom.Grains.Tests.Drafts.DraftLogSamples;

namespace Newsroom.Grains.Tests.Drafts;

public sealed class BlobDraftLogCostTests(SharedAzurite storage, ITestOutputHelper output)
{
    private const int DocumentLength = 200_000;
    private const int History = 2_000;

    [Fact]
    public async Task AnAppend_WritesOneBlockOfJustItsBatch_HoweverLongTheDocumentAndHistory()
    {
        var blobs = storage.Blobs;
        var draft = SharedAzurite.UniqueDraftId("cost");
        var log = Factory(blobs).Open(draft);
        await log.LoadAsync();
        await log.AppendAsync(Typing(1));
        await log.WriteSnapshotAsync(Snapshot(1, new string('a', DocumentLength)));
        var snapshots = blobs.GetBlobContainerClient("draft-snapshots");
        var pointer = (await snapshots.GetBlobClient($"{draft}/latest.json").GetPropertiesAsync()).Value.ETag;

        var segment = blobs.GetBlobContainerClient("draft-logs").GetAppendBlobClient($"{draft}/log-00000001");
        var batches = Enumerable.Range(2, History).Select(s => Typing(s, length: DocumentLength + s - 2)).ToList();
        var written = new List<long>();
        var latencies = new List<double>();
        var (length, blocks) = (0L, 0);
        foreach (var batch in batches)
        {
            var clock = Stopwatch.StartNew();
            await log.AppendAsync(batch);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            var properties = (await segment.GetPropertiesAsync()).Value;
            Assert.Equal(blocks + 1, properties.BlobCommittedBlockCount);
            written.Add(properties.ContentLength - length);
            (length, blocks) = (properties.ContentLength, properties.BlobCommittedBlockCount);
        }

        // What each append added is exactly one line, and that line is its batch: nothing of the document,
        // nothing of earlier batches.
        var content = (await segment.DownloadContentAsync()).Value.Content.ToMemory();
        var offset = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var line = content.Slice(offset, (int)written[i]);
            offset += (int)written[i];
            Assert.Equal((byte)'\n', line.Span[^1]);
            Assert.Equal(-1, line.Span[..^1].IndexOf((byte)'\n'));
            using var json = JsonDocument.Parse(line);
            Assert.Equal(batches[i].Sequence, json.RootElement.GetProperty("s").GetInt64());
            Assert.Equal(batches[i].Updates[0].ChangesJson, json.RootElement.GetProperty("u")[0].GetProperty("x").GetRawText());
        }

        Assert.Equal(content.Length, offset);
        Assert.True(written.Max() < 200, $"an append wrote up to {written.Max()} bytes for a one-character batch");
        Assert.True(written[^1] - written[0] <= 8, $"appends grew from {written[0]} to {written[^1]} bytes with history");
        Assert.Equal(pointer, (await snapshots.GetBlobClient($"{draft}/latest.json").GetPropertiesAsync()).Value.ETag);
        Assert.Single(snapshots.GetBlobs(BlobTraits.None, BlobStates.None, $"{draft}/snapshot-", CancellationToken.None));

        latencies.Sort();
        output.WriteLine(
            $"{History} appends after a {DocumentLength:N0}-character snapshot: {written.Average():0} bytes each; latency " +
            $"p50 {latencies[latencies.Count / 2]:0.0} ms, p90 {latencies[latencies.Count * 9 / 10]:0.0} ms, " +
            $"p99 {latencies[latencies.Count * 99 / 100]:0.0} ms (Azurite, Debug build, one writer).");
    }
}
