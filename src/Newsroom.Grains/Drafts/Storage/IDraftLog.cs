namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// One draft's durable history: an append-only log of batches plus periodic snapshots. Appending costs
/// O(batch), never O(document) or O(history). One writer per draft (its grain), whose calls do not overlap, with
/// one exception: an append may begin while a snapshot is being stored, so that snapshots never hold up edits.
/// </summary>
public interface IDraftLog
{
    /// <summary>Reads the latest snapshot and every batch after it; call once before anything else.</summary>
    Task<DraftRecovery> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns once the batch is durable. Batches must come in sequence order with no gaps.</summary>
    Task AppendAsync(DraftLogBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a snapshot that covers every batch up to its sequence; later loads start from it and read only
    /// the batches after it. Earlier log segments are kept: <see cref="LoadHistoryAsync"/> reads them back. Appends
    /// may be made before it returns; a load that meanwhile starts from the previous snapshot still reads them.
    /// </summary>
    Task WriteSnapshotAsync(DraftSnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads history the load left out: the batches before <paramref name="beforeSequence"/> (at most one past
    /// the snapshot <see cref="LoadAsync"/> started from), going back through earlier log segments. Each batch goes
    /// to <paramref name="enough"/>, newest first, and reading stops with the first one it accepts, or with the log's
    /// first batch. Returns them in sequence order, ending at <paramref name="beforeSequence"/> - 1. It only reads,
    /// so it may run while an append or a snapshot is in flight.
    /// </summary>
    Task<IReadOnlyList<DraftLogBatch>> LoadHistoryAsync(
        long beforeSequence, Func<DraftLogBatch, bool> enough, CancellationToken cancellationToken = default);
}
