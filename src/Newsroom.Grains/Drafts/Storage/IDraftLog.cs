namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// One draft's durable history: an append-only log of batches plus periodic snapshots. Appending costs
/// O(batch), never O(document) or O(history). One writer per draft (its grain), so no call overlaps another.
/// </summary>
public interface IDraftLog
{
    /// <summary>Reads the latest snapshot and every batch after it; call once before anything else.</summary>
    Task<DraftRecovery> LoadAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns once the batch is durable. Batches must come in sequence order with no gaps.</summary>
    Task AppendAsync(DraftLogBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a snapshot that covers every batch up to its sequence; later loads start from it and read only
    /// the batches after it. Old log segments may be kept for history.
    /// </summary>
    Task WriteSnapshotAsync(DraftSnapshot snapshot, CancellationToken cancellationToken = default);
}
