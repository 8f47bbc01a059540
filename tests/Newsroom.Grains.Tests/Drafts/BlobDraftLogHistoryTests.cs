using Azure.Storage.Blobs;
using Newsroom.Core.Changes;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Drafts.Storage;
using static Newsroom.Grains.Tests.Drafts.DraftLogSamples;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// A load reads from the latest snapshot on; the batches before it stay in earlier segments and are read back
/// on demand, newest segment first, only as far as the caller needs.
/// </summary>
public sealed class BlobDraftLogHistoryTests(SharedAzurite storage)
{
    private readonly BlobServiceClient _blobs = storage.Blobs;

    [Fact]
    public async Task History_SpansSeveralSegmentsInOrder_AndStopsReadingOnceItHasEnough()
    {
        var draft = SharedAzurite.UniqueDraftId("history");
        var factory = Factory(_blobs, maxBlocksPerSegment: 3);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 11));
        await log.WriteSnapshotAsync(Snapshot(11, "xxxxxxxxxxx"));
        await log.AppendAllAsync(TypingFrom(12, 13));

        // Segment 0 holds batches 1 and 2; a read that touched it would fail.
        await Spoil(draft, 0);

        var reopened = factory.Open(draft);
        AssertBatches(TypingFrom(12, 13), (await reopened.LoadAsync()).Batches);
        var seen = new List<long>();
        var history = await reopened.LoadHistoryAsync(12, batch =>
        {
            seen.Add(batch.Sequence);
            return batch.Sequence == 6;
        });

        AssertBatches(TypingFrom(6, 11), history);
        Assert.Equal([11, 10, 9, 8, 7, 6], seen);

        // Further back from where the first read stopped, and the log still takes appends after reading.
        AssertBatches(TypingFrom(4, 5), await reopened.LoadHistoryAsync(6, batch => batch.Sequence == 4));
        await reopened.AppendAsync(Typing(14, length: 13));
        AssertBatches(TypingFrom(12, 14), (await factory.Open(draft).LoadAsync()).Batches);
    }

    [Fact]
    public async Task History_WhenNothingIsEnough_ReachesBackToSegmentZero()
    {
        var draft = SharedAzurite.UniqueDraftId("history-all");
        var factory = Factory(_blobs, maxBlocksPerSegment: 4);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 4));
        await log.WriteSnapshotAsync(Snapshot(4, "xxxx"));
        await log.AppendAllAsync(TypingFrom(5, 9));
        await log.WriteSnapshotAsync(Snapshot(9, "xxxxxxxxx"));

        var reopened = factory.Open(draft);
        Assert.Empty((await reopened.LoadAsync()).Batches);
        AssertBatches(TypingFrom(1, 9), await reopened.LoadHistoryAsync(10, _ => false));
        Assert.Empty(await reopened.LoadHistoryAsync(1, _ => false));
    }

    [Fact]
    public async Task History_BeforeASnapshotBehindTheEndOfTheLog_StartsInTheSegmentItSharesWithTheLog()
    {
        var draft = SharedAzurite.UniqueDraftId("history-behind");
        var factory = Factory(_blobs, maxBlocksPerSegment: 3);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 5));
        await log.WriteSnapshotAsync(Snapshot(3, "xxx"));
        await log.AppendAsync(Typing(6, length: 5));

        // Batches 3 and 4 share segment 1: the load returns 4 from it, the history 3.
        var reopened = factory.Open(draft);
        AssertBatches(TypingFrom(4, 6), (await reopened.LoadAsync()).Batches);
        AssertBatches(TypingFrom(1, 3), await reopened.LoadHistoryAsync(4, _ => false));
    }

    [Fact]
    public async Task History_SkipsTheSegmentASnapshotOpenedButNeverCreated()
    {
        var draft = SharedAzurite.UniqueDraftId("history-no-segment");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 3));
        await log.WriteSnapshotAsync(Snapshot(3, "xxx"));
        await _blobs.GetBlobContainerClient("draft-logs").GetBlobClient($"{draft}/log-00000001").DeleteAsync();

        var reopened = factory.Open(draft);
        await reopened.LoadAsync();
        AssertBatches(TypingFrom(1, 3), await reopened.LoadHistoryAsync(4, _ => false));
    }

    [Fact]
    public async Task History_ReadsALargeBatchFromItsOwnBlob()
    {
        var draft = SharedAzurite.UniqueDraftId("history-large");
        var factory = Factory(_blobs, maxBlockBytes: 1024);
        var log = factory.Open(draft);
        await log.LoadAsync();
        var paste = new string('p', 3000);
        var large = new DraftLogBatch(2, [new DraftLogEntry(DraftField.Body, 2, "client-a", ChangeSet.FromJson($"[1,[0,\"{paste}\"]]").ToJson())], null, Start);
        var batches = new[] { Typing(1), large };
        await log.AppendAllAsync(batches);
        await log.WriteSnapshotAsync(Snapshot(2, "x" + paste));

        var reopened = factory.Open(draft);
        await reopened.LoadAsync();
        AssertBatches(batches, await reopened.LoadHistoryAsync(3, _ => false));
    }

    [Fact]
    public async Task History_WithAnEarlierSegmentMissing_IsRefusedAsDamage_AndALaterStartThanTheLoadAsAMistake()
    {
        var draft = SharedAzurite.UniqueDraftId("history-gap");
        var factory = Factory(_blobs, maxBlocksPerSegment: 3);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 6));
        await log.WriteSnapshotAsync(Snapshot(6, "xxxxxx"));
        await log.AppendAsync(Typing(7, length: 6));
        await _blobs.GetBlobContainerClient("draft-logs").GetBlobClient($"{draft}/log-00000001").DeleteAsync();

        var reopened = factory.Open(draft);
        await reopened.LoadAsync();
        AssertBatches(TypingFrom(5, 6), await reopened.LoadHistoryAsync(7, batch => batch.Sequence == 5));
        var gap = await Assert.ThrowsAsync<InvalidDataException>(() => reopened.LoadHistoryAsync(7, _ => false));
        Assert.Contains("log-00000001 is missing", gap.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => reopened.LoadHistoryAsync(8, _ => false));
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.Open(draft).LoadHistoryAsync(1, _ => false));
    }

    private async Task Spoil(string draft, long segment)
    {
        var blob = _blobs.GetBlobContainerClient("draft-logs").GetBlobClient($"{draft}/log-{segment:D8}");
        await blob.DeleteAsync();
        await blob.UploadAsync(BinaryData.FromString("not a log"));
    }
}
