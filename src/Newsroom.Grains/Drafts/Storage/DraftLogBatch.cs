namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// What one durable write holds (group commit): every update accepted while the previous write was in
/// flight, and the metadata as it stands after them if it changed. Sequences count batches from 1.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-log-batch")]
public sealed record DraftLogBatch(
    [property: Id(0)] long Sequence,
    [property: Id(1)] IReadOnlyList<DraftLogEntry> Updates,
    [property: Id(2)] DraftMetadata? Metadata,
    [property: Id(3)] DateTimeOffset CommittedAt);
