using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Newsroom.Grains.Drafts.Storage;

internal sealed partial class BlobDraftLog
{
    public async Task<DraftRecovery> LoadAsync(CancellationToken cancellationToken = default)
    {
        await ensureContainers(cancellationToken);
        _loaded = false;
        _segmentStarts.Clear();
        var pointer = await TryDownloadAsync(snapshots.GetBlobClient(PointerName), cancellationToken);
        DraftSnapshot? snapshot = null;
        long segment = 0;
        if (pointer is not null)
        {
            var name = $"{draftId}/{SnapshotName(Read(snapshots, PointerName, 0, pointer.Content.ToMemory(), DraftSnapshotSerializer.ReadPointer))}";
            var content = await TryDownloadAsync(snapshots.GetBlobClient(name), cancellationToken)
                ?? throw new InvalidDataException($"Draft '{draftId}': {snapshots.Name}/{PointerName} names {name}, which does not exist.");
            (snapshot, segment) = Read(snapshots, name, 0, content.Content.ToMemory(), DraftSnapshotSerializer.ReadSnapshot);
        }

        var after = snapshot?.Sequence ?? 0;
        var firstSegment = segment;
        var batches = new List<DraftLogBatch>();
        long? previous = null;
        (_segment, _segmentExists, _position, _blocks) = (segment, false, 0, 0);

        // From the segment the snapshot names, each closed segment names the next. The last one may be empty,
        // or not created yet (a crash right after a roll); either way it is where the next append goes.
        while (await TryDownloadAsync(logs.GetBlobClient(SegmentName(segment)), cancellationToken) is { } download)
        {
            var content = download.Content.ToMemory();
            (_segment, _segmentExists, _position, _blocks) = (segment, true, content.Length, download.Details.BlobCommittedBlockCount);
            long? next = null;
            for (var lineNumber = 1; !content.IsEmpty && next is null; lineNumber++)
            {
                var end = content.Span.IndexOf((byte)'\n');
                if (end < 0)
                {
                    // Each line is one append block, and blocks are atomic: a partial line is damage, not a crash.
                    throw Damaged(segment, lineNumber, "the last line is not terminated");
                }

                var record = Read(logs, SegmentName(segment), lineNumber, content[..end], DraftLogSerializer.ReadRecord);
                content = content[(end + 1)..];
                if (record.NextSegment is { } following)
                {
                    next = following == segment + 1 && content.IsEmpty
                        ? following
                        : throw Damaged(segment, lineNumber, $"the closing line names segment {following} or is not the last line");
                    continue;
                }

                if (previous is { } last ? record.Sequence != last + 1 : record.Sequence > after + 1)
                {
                    throw Damaged(segment, lineNumber, $"batch {record.Sequence} follows batch {previous?.ToString() ?? "(none)"} (snapshot at {after})");
                }

                previous = record.Sequence;
                NoteBatchIn(segment, record.Sequence);
                if (record.Sequence > after)
                {
                    batches.Add(record.Batch ?? await ReadLargeBatchAsync(record, cancellationToken));
                }
            }

            if (next is null)
            {
                break;
            }

            segment = next.Value;
            (_segment, _segmentExists, _position, _blocks) = (segment, false, 0, 0);
        }

        _snapshotSequence = after;
        (_historySegment, _historyBefore) = (firstSegment, after + 1);
        _pointerETag = pointer?.Details.ETag;
        _lastSequence = after + batches.Count;
        _loaded = true;
        return new DraftRecovery(snapshot, batches);
    }

    private static async Task<BlobDownloadResult?> TryDownloadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<DraftLogBatch> ReadLargeBatchAsync(DraftLogRecord record, CancellationToken cancellationToken)
    {
        var name = $"{draftId}/{record.BatchBlob}";
        var content = await TryDownloadAsync(logs.GetBlobClient(name), cancellationToken)
            ?? throw new InvalidDataException($"Draft '{draftId}': batch {record.Sequence} refers to {logs.Name}/{name}, which does not exist.");
        var batch = Read(logs, name, 0, content.Content.ToMemory(), DraftLogSerializer.ReadBatch);
        return batch.Sequence == record.Sequence
            ? batch
            : throw new InvalidDataException($"Draft '{draftId}': {logs.Name}/{name} holds batch {batch.Sequence}, not {record.Sequence}.");
    }

    private T Read<T>(BlobContainerClient container, string blob, int line, ReadOnlyMemory<byte> content, Func<ReadOnlyMemory<byte>, T> read)
    {
        try
        {
            return read(content);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            var where = line > 0 ? $"{container.Name}/{blob}, line {line}" : $"{container.Name}/{blob}";
            throw new InvalidDataException($"Draft '{draftId}': {where} is not readable: {e.Message}", e);
        }
    }

    private InvalidDataException Damaged(long segment, int line, string problem) =>
        new($"Draft '{draftId}': {logs.Name}/{SegmentName(segment)}, line {line}: {problem}.");
}
