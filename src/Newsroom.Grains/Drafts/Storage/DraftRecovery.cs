namespace Newsroom.Grains.Drafts.Storage;

/// <summary>The latest snapshot (null for a draft never snapshotted) and the batches after it, in order.</summary>
public sealed record DraftRecovery(DraftSnapshot? Snapshot, IReadOnlyList<DraftLogBatch> Batches);
