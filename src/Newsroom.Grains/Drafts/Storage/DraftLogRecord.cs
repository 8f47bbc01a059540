namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// One line of a log segment: a batch written inline (<see cref="Batch"/>), a batch kept in a blob of its
/// own (<see cref="BatchBlob"/>), or the line that closes the segment (<see cref="NextSegment"/>).
/// </summary>
internal readonly record struct DraftLogRecord(long Sequence, DraftLogBatch? Batch, string? BatchBlob, long? NextSegment);
