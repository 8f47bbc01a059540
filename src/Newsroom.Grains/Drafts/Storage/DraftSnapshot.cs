namespace Newsroom.Grains.Drafts.Storage;

/// <summary>The whole draft as of the end of batch <see cref="Sequence"/>: what reactivation starts from.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-snapshot")]
public sealed record DraftSnapshot(
    [property: Id(0)] long Sequence,
    [property: Id(1)] IReadOnlyDictionary<DraftField, DraftFieldSnapshot> Fields,
    [property: Id(2)] DraftMetadata Metadata,
    [property: Id(3)] DateTimeOffset TakenAt);
