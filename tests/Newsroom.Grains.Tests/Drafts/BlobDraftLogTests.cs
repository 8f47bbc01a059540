using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Newsroom.Core.Changes;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Drafts.DraftLogSamples;

namespace Newsroom.Grains.Tests.Drafts;

public sealed class BlobDraftLogTests(SharedAzurite storage)
{
    private readonly BlobServiceClient _blobs = storage.Blobs;

    [Fact]
    public async Task AppendedBatches_LoadBackExactly_AndInOrder()
    {
        var draft = SharedAzurite.UniqueDraftId("round-trip");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        var empty = await log.LoadAsync();
        Assert.Null(empty.Snapshot);
        Assert.Empty(empty.Batches);

        // Non-ASCII, a surrogate pair, and a lone surrogate (half of a split emoji, as JSON.stringify escapes it).
        var loneSurrogate = ChangeSet.FromJson("""[5,[0,"caf\u00e9 \ud83d\ude00 \ud83d","\"quoted\"\t"],3]""").ToJson();
        Assert.Contains(@"\ud83d""", loneSurrogate, StringComparison.Ordinal);
        var metadata = new DraftMetadata("Política", ["élections", "日本", "a\ud800b"], "Zoë \ud83d\ude00 \udc00", "municipales-2026");
        var batches = new List<DraftLogBatch>
        {
            new(1, [new DraftLogEntry(DraftField.Headline, 1, "client-é", """[[0,"Grève générale"]]""")], metadata, Start),
            new(
                2,
                [
                    new DraftLogEntry(DraftField.Body, 1, "client-\ud83d\ude00", loneSurrogate),
                    new DraftLogEntry(DraftField.Standfirst, 1, "client-\udbff", """[0,[0,"\n"]]"""),
                    new DraftLogEntry(DraftField.Body, 2, "client-a", "[8,[2],[0,\"\\\\ \\u2028 \\u0000\"],1]"),
                ],
                null,
                Start.AddSeconds(1)),
            new(3, [], DraftMetadata.Empty, Start.ToOffset(TimeSpan.FromHours(-7)).AddSeconds(2)),
        };
        await log.AppendAllAsync(batches);

        var loaded = await factory.Open(draft).LoadAsync();
        Assert.Null(loaded.Snapshot);
        AssertBatches(batches, loaded.Batches);
        Assert.Equal(loneSurrogate, loaded.Batches[1].Updates[0].ChangesJson);
        Assert.Equal("Zoë \ud83d\ude00 \udc00", loaded.Batches[0].Metadata!.Byline);
    }

    [Fact]
    public async Task ALoad_ReturnsTheSnapshot_AndOnlyTheBatchesAfterIt()
    {
        var draft = SharedAzurite.UniqueDraftId("snapshot");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 20));
        var snapshot = Snapshot(20, "Body with a lone \udc01 and 😀", new DraftMetadata("News", ["x"], "Ana", "slug"));
        await log.WriteSnapshotAsync(snapshot);
        await log.AppendAllAsync(TypingFrom(21, 25));

        // The segment before the snapshot is no longer needed: a load that touched it would fail.
        var before = _blobs.GetBlobContainerClient("draft-logs").GetBlobClient($"{draft}/log-00000000");
        await before.DeleteAsync();
        await before.UploadAsync(BinaryData.FromString("not a log"));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(21, 25), loaded.Batches);
    }

    [Fact]
    public async Task AnAppendMadeWhileASnapshotIsStored_GoesToTheSegmentItsRollOpens_AndLoadsAfterIt()
    {
        var draft = SharedAzurite.UniqueDraftId("beside-snapshot");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 20));
        var snapshot = Snapshot(20, "twenty letters typed");

        // Begun while the snapshot's roll is still in flight, as the draft grain does so that no push waits for a
        // snapshot's upload.
        var storing = log.WriteSnapshotAsync(snapshot);
        var appending = log.AppendAsync(Typing(21, length: 20));
        await Task.WhenAll(storing, appending);
        await log.AppendAsync(Typing(22, length: 21));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(21, 22), loaded.Batches);
        // Twenty batches and the line closing the segment, then the two batches after the snapshot.
        Assert.Equal([("log-00000000", 21), ("log-00000001", 2)], (await SegmentsAsync(draft)).Select(s => (s.Name[(draft.Length + 1)..], s.Blocks)));
    }

    [Fact]
    public async Task ASnapshotBegunWhileAnAppendIsInFlight_WaitsForIt_AndKeepsTheBatch()
    {
        var draft = SharedAzurite.UniqueDraftId("snapshot-after-append");
        var held = new HeldAppendBlock();
        var options = new BlobClientOptions();
        options.AddPolicy(held, HttpPipelinePosition.PerCall);
        var factory = Factory(new BlobServiceClient(storage.Azurite.ConnectionString, options));
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 20));
        var snapshot = Snapshot(20, "twenty letters typed");

        held.HoldNext();
        var appending = log.AppendAsync(Typing(21, length: 20));
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(10), "the append to reach storage");
        var storing = log.WriteSnapshotAsync(snapshot);
        held.Release();
        await Task.WhenAll(appending, storing);

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(21, 21), loaded.Batches);
    }

    [Fact]
    public async Task ASnapshotBehindTheEndOfTheLog_KeepsTheBatchesAfterIt()
    {
        var draft = SharedAzurite.UniqueDraftId("behind");
        var factory = Factory(_blobs, maxBlocksPerSegment: 3);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 5));
        var snapshot = Snapshot(3, "abc");
        await log.WriteSnapshotAsync(snapshot);
        await log.AppendAsync(Typing(6, length: 5));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(4, 6), loaded.Batches);
    }

    [Fact]
    public async Task TheLog_RollsToANewSegment_WhenOneIsFull()
    {
        var draft = SharedAzurite.UniqueDraftId("roll");
        var factory = Factory(_blobs, maxBlocksPerSegment: 3);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 11));

        // Three blocks a segment: two batches and the line that names the next segment.
        var segments = await SegmentsAsync(draft);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"{draft}/log-{i:D8}"), segments.Select(s => s.Name));
        Assert.All(segments.SkipLast(1), s => Assert.Equal(3, s.Blocks));
        Assert.Equal(1, segments[^1].Blocks);

        // A fresh instance picks up where the log ends, in the right segment.
        var reopened = factory.Open(draft);
        AssertBatches(TypingFrom(1, 11), (await reopened.LoadAsync()).Batches);
        await reopened.AppendAllAsync(TypingFrom(12, 14));
        var snapshot = Snapshot(14, "fourteen");
        await reopened.WriteSnapshotAsync(snapshot);
        await reopened.AppendAllAsync(TypingFrom(15, 19));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(15, 19), loaded.Batches);
        Assert.All((await SegmentsAsync(draft)).SkipLast(1), s => Assert.True(s.Blocks <= 3, $"{s.Name} has {s.Blocks} blocks"));
    }

    [Fact]
    public async Task ARollCutShortBeforeItsSnapshot_LeavesAnEmptySegment_ThatTakesTheNextAppend()
    {
        var draft = SharedAzurite.UniqueDraftId("empty-segment");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 4));
        await log.WriteSnapshotAsync(Snapshot(4, "abcd"));

        // What a crash after the roll and before the snapshot leaves: a closed segment, an empty one, no snapshot.
        var snapshots = _blobs.GetBlobContainerClient("draft-snapshots");
        await snapshots.GetBlobClient($"{draft}/latest.json").DeleteAsync();
        await snapshots.GetBlobClient($"{draft}/snapshot-000000000004.json").DeleteAsync();
        var segments = await SegmentsAsync(draft);
        Assert.Equal(0, segments[^1].Length);

        var reopened = factory.Open(draft);
        var recovered = await reopened.LoadAsync();
        Assert.Null(recovered.Snapshot);
        AssertBatches(TypingFrom(1, 4), recovered.Batches);
        await reopened.AppendAsync(Typing(5, length: 4));

        AssertBatches(TypingFrom(1, 5), (await factory.Open(draft).LoadAsync()).Batches);
        Assert.Equal(segments.Count, (await SegmentsAsync(draft)).Count);
    }

    [Fact]
    public async Task ASnapshotWhoseNextSegmentWasNeverCreated_Loads_AndTakesAppends()
    {
        var draft = SharedAzurite.UniqueDraftId("no-segment");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 3));
        var snapshot = Snapshot(3, "abc");
        await log.WriteSnapshotAsync(snapshot);
        await _blobs.GetBlobContainerClient("draft-logs").GetBlobClient($"{draft}/log-00000001").DeleteAsync();

        var reopened = factory.Open(draft);
        var recovered = await reopened.LoadAsync();
        AssertSnapshot(snapshot, recovered.Snapshot);
        Assert.Empty(recovered.Batches);
        await reopened.AppendAllAsync(TypingFrom(4, 5));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(4, 5), loaded.Batches);
    }

    [Fact]
    public async Task ABatchLargerThanOneBlock_IsStoredWhole_InABlobOfItsOwn()
    {
        var draft = SharedAzurite.UniqueDraftId("large");
        var factory = Factory(_blobs, maxBlockBytes: 1024);
        var log = factory.Open(draft);
        await log.LoadAsync();
        var paste = string.Concat(Enumerable.Repeat("Ünïcode paste 😀 ", 500));
        var large = new DraftLogBatch(2, [new DraftLogEntry(DraftField.Body, 2, "client-a", ChangeSet.FromJson($"[1,[0,\"{paste}\"]]").ToJson())], null, Start);
        var batches = new[] { Typing(1), large, Typing(3, length: 1 + paste.Length) };
        await log.AppendAllAsync(batches);

        AssertBatches(batches, (await factory.Open(draft).LoadAsync()).Batches);
        var segment = Assert.Single(await SegmentsAsync(draft));
        Assert.True(segment.Length < 1024, $"the segment holds {segment.Length} bytes: the large batch went into it");
        var own = _blobs.GetBlobContainerClient("draft-logs").GetBlobs(BlobTraits.None, BlobStates.None, $"{draft}/batch-000000000002-", CancellationToken.None).Single();
        Assert.True(own.Properties.ContentLength > paste.Length, "the large batch's own blob holds all of it");
    }

    [Fact]
    public async Task OutOfOrderCalls_AreRefused_WithoutTouchingStorage()
    {
        var draft = SharedAzurite.UniqueDraftId("refused");
        var log = Factory(_blobs).Open(draft);
        await Assert.ThrowsAsync<InvalidOperationException>(() => log.AppendAsync(Typing(1)));
        await log.LoadAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(Typing(2)));
        await log.AppendAsync(Typing(1));
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(Typing(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => log.WriteSnapshotAsync(Snapshot(2, "ab")));
        var invalid = new DraftLogBatch(2, [new DraftLogEntry(DraftField.Body, 2, "c", "[1,")], null, Start);
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(invalid));
        var multiline = new DraftLogBatch(2, [new DraftLogEntry(DraftField.Body, 2, "c", "[1,\n[0,\"x\"]]")], null, Start);
        await Assert.ThrowsAsync<ArgumentException>(() => log.AppendAsync(multiline));
        Assert.Throws<ArgumentException>(() => Factory(_blobs).Open("drafts/nested"));

        await log.AppendAsync(Typing(2, length: 1));
        AssertBatches(TypingFrom(1, 2), (await Factory(_blobs).Open(draft).LoadAsync()).Batches);
    }

    private async Task<List<(string Name, int Blocks, long Length)>> SegmentsAsync(string draft)
    {
        var container = _blobs.GetBlobContainerClient("draft-logs");
        var segments = new List<(string, int, long)>();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{draft}/log-", CancellationToken.None))
        {
            var properties = await container.GetAppendBlobClient(item.Name).GetPropertiesAsync();
            segments.Add((item.Name, properties.Value.BlobCommittedBlockCount, properties.Value.ContentLength));
        }

        return segments;
    }

    /// <summary>Holds the next append of a block on its way to storage until released: an append in flight.</summary>
    private sealed class HeldAppendBlock : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Reached => _reached.Task;

        public void HoldNext() => Volatile.Write(ref _armed, 1);

        public void Release() => _released.TrySetResult();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The draft log only calls storage asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Query.Contains("comp=appendblock", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                _reached.TrySetResult();
                await _released.Task;
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
