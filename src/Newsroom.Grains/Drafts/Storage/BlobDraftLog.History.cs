namespace Newsroom.Grains.Drafts.Storage;

internal sealed partial class BlobDraftLog
{
    // Where the history before the loaded batches ends: the segment the load started in (it may also hold
    // batches up to the snapshot), and the first batch the load returned. Earlier segments are numbered down
    // from it to 0, and nothing deletes them. Only reads touch these, so a history read can overlap a write.
    private long _historySegment;
    private long _historyBefore = 1;

    public async Task<IReadOnlyList<DraftLogBatch>> LoadHistoryAsync(
        long beforeSequence, Func<DraftLogBatch, bool> enough, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enough);
        EnsureLoaded();
        if (beforeSequence < 1 || beforeSequence > _historyBefore)
        {
            throw new ArgumentOutOfRangeException(
                nameof(beforeSequence),
                $"Draft '{draftId}': history is read before batch {_historyBefore} (the first one loaded) at the latest; got {beforeSequence}.");
        }

        // Newest first while reading; reversed at the end.
        var found = new List<DraftLogBatch>();
        var wanted = beforeSequence - 1;
        for (var segment = _historySegment; segment >= 0 && wanted > 0; segment--)
        {
            var download = await TryDownloadAsync(logs.GetBlobClient(SegmentName(segment)), cancellationToken);
            if (download is null)
            {
                // Only the segment a snapshot opened may be missing (a crash right after the roll); earlier ones
                // were written to, and a gap in them would lose updates.
                if (segment == _historySegment)
                {
                    continue;
                }

                throw new InvalidDataException($"Draft '{draftId}': {logs.Name}/{SegmentName(segment)} is missing, but batch {wanted} is before it.");
            }

            var records = ReadSegment(segment, download.Content.ToMemory());
            for (var i = records.Count - 1; i >= 0 && wanted > 0; i--)
            {
                if (records[i].Sequence > wanted)
                {
                    continue;
                }

                if (records[i].Sequence != wanted)
                {
                    throw new InvalidDataException(
                        $"Draft '{draftId}': {logs.Name}/{SegmentName(segment)} ends with batch {records[i].Sequence}, but the next segment starts after batch {wanted}.");
                }

                var batch = records[i].Batch ?? await ReadLargeBatchAsync(records[i], cancellationToken);
                found.Add(batch);
                wanted = enough(batch) ? 0 : wanted - 1;
            }
        }

        found.Reverse();
        return found;
    }

    // A segment's batch lines (the closing line dropped), in order and numbered one after another.
    private List<DraftLogRecord> ReadSegment(long segment, ReadOnlyMemory<byte> content)
    {
        var records = new List<DraftLogRecord>();
        for (var lineNumber = 1; !content.IsEmpty; lineNumber++)
        {
            var end = content.Span.IndexOf((byte)'\n');
            if (end < 0)
            {
                throw Damaged(segment, lineNumber, "the last line is not terminated");
            }

            var record = Read(logs, SegmentName(segment), lineNumber, content[..end], DraftLogSerializer.ReadRecord);
            content = content[(end + 1)..];
            if (record.NextSegment is not null)
            {
                continue;
            }

            if (records.Count > 0 && record.Sequence != records[^1].Sequence + 1)
            {
                throw Damaged(segment, lineNumber, $"batch {record.Sequence} follows batch {records[^1].Sequence}");
            }

            records.Add(record);
        }

        return records;
    }
}
