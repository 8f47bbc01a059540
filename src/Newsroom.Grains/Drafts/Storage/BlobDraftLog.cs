using Azure;
using Azure.Storage.Blobs;

namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// One draft's log in Azure Blob storage (layout: <see cref="DraftLogOptions"/>). Every append is conditional
/// on the append position this instance last saw, and a segment is closed by such an append too, so a second
/// writer can never add to the log unnoticed: the stale one gets <see cref="DraftLogConflictException"/>.
/// </summary>
internal sealed partial class BlobDraftLog(
    string draftId,
    BlobContainerClient logs,
    BlobContainerClient snapshots,
    DraftLogOptions options,
    Func<CancellationToken, Task> ensureContainers) : IDraftLog
{
    /// <summary>The first batch of each segment since the latest snapshot's: where a snapshot behind the log's end starts.</summary>
    private readonly List<(long Segment, long FirstSequence)> _segmentStarts = [];
    private bool _loaded;
    private long _lastSequence;
    private long _snapshotSequence;
    private ETag? _pointerETag;

    // The write to the log's segments last begun: an append, or a snapshot's roll to a new segment. The next such
    // write waits for it, so an append may begin while a snapshot is stored: it goes after the roll, and the
    // snapshot's upload and pointer, which come after the roll, hold it up no further.
    private Task _segmentWrite = Task.CompletedTask;

    // The segment the next append goes to, and what this instance knows of it.
    private long _segment;
    private bool _segmentExists;
    private long _position;
    private int _blocks;

    private string PointerName => $"{draftId}/latest.json";

    public Task AppendAsync(DraftLogBatch batch, CancellationToken cancellationToken = default)
    {
        var append = AppendAfterAsync(_segmentWrite, batch, cancellationToken);
        _segmentWrite = append;
        return append;
    }

    private async Task AppendAfterAsync(Task previous, DraftLogBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureLoaded();
        await AfterAsync(previous);
        if (batch.Sequence != _lastSequence + 1)
        {
            throw new ArgumentException(
                $"Draft '{draftId}': batch {batch.Sequence} does not follow batch {_lastSequence}; batches come in sequence " +
                "order with no gaps.",
                nameof(batch));
        }

        var line = DraftLogSerializer.WriteBatch(batch);
        if (line.Length > options.MaxBlockBytes)
        {
            // A unique name, so a stale writer uploading its own version of this batch cannot replace the one
            // the log refers to.
            var name = $"batch-{batch.Sequence:D12}-{Guid.NewGuid():n}.json";
            await logs.GetBlobClient($"{draftId}/{name}")
                .UploadAsync(new BinaryData(line.AsMemory(0, line.Length - 1)), cancellationToken);
            line = DraftLogSerializer.WriteBatchReference(batch.Sequence, name);
        }

        if (_blocks + 2 > options.MaxBlocksPerSegment)
        {
            await RollAsync(cancellationToken);
        }

        await AppendLineAsync(line, cancellationToken);
        NoteBatchIn(_segment, batch.Sequence);
        _lastSequence = batch.Sequence;
    }

    public async Task WriteSnapshotAsync(DraftSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        EnsureLoaded();
        var roll = RollForSnapshotAsync(_segmentWrite, snapshot, cancellationToken);
        _segmentWrite = roll;
        var content = await roll;
        await snapshots.GetBlobClient($"{draftId}/{SnapshotName(snapshot.Sequence)}")
            .UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);
        await WritePointerAsync(snapshot.Sequence, cancellationToken);
        _snapshotSequence = snapshot.Sequence;
    }

    private async Task<byte[]> RollForSnapshotAsync(
        Task previous, DraftSnapshot snapshot, CancellationToken cancellationToken)
    {
        await AfterAsync(previous);
        if (snapshot.Sequence > _lastSequence || snapshot.Sequence < _snapshotSequence)
        {
            throw new ArgumentException(
                $"Draft '{draftId}': a snapshot at batch {snapshot.Sequence} must be from batch {_snapshotSequence} " +
                $"(the latest snapshot) to batch {_lastSequence} (the last one appended).",
                nameof(snapshot));
        }

        // The batches after the snapshot start in the segment the roll below opens or, for a snapshot behind
        // the log's end, in the segment that holds the snapshot's next batch.
        var startSegment = snapshot.Sequence == _lastSequence
            ? _segment + 1
            : _segmentStarts.Last(s => s.FirstSequence <= snapshot.Sequence + 1).Segment;

        // Serialized before any write, so a snapshot that cannot be stored leaves the log as it was.
        var content = DraftSnapshotSerializer.WriteSnapshot(snapshot, startSegment);

        // Rolling first is also the fence: it fails if another writer has touched the log, before this one
        // publishes a snapshot that would send loads past that writer's batches. Until the pointer moves, loads
        // start from the previous snapshot, so they read the batches appended to the new segment meanwhile too.
        await RollAsync(cancellationToken);
        _segmentStarts.RemoveAll(s => s.Segment < startSegment);
        return content;
    }

    // Waits for the segment write before, whose failure its own caller has heard of: this write is conditional as
    // ever, so it fails by itself if that one left the log in doubt.
    private static async Task AfterAsync(Task previous) =>
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);

    private static string SnapshotName(long sequence) => $"snapshot-{sequence:D12}.json";

    private string SegmentName(long segment) => $"{draftId}/log-{segment:D8}";

    private void EnsureLoaded()
    {
        if (!_loaded)
        {
            throw new InvalidOperationException($"Draft '{draftId}': call LoadAsync before writing to the log.");
        }
    }

    private void NoteBatchIn(long segment, long sequence)
    {
        if (_segmentStarts.Count == 0 || _segmentStarts[^1].Segment != segment)
        {
            _segmentStarts.Add((segment, sequence));
        }
    }

    private DraftLogConflictException Conflict(string what, Exception? inner = null) => new(
        $"Draft '{draftId}': another writer has written to the log ({what}). This instance must stop writing; " +
        "a fresh activation reloads the log.",
        inner);
}
