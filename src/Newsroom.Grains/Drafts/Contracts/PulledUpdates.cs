namespace Newsroom.Grains.Drafts;

/// <summary>Every durable update of one field after <see cref="FromVersion"/>, in log order.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-pulled-updates")]
public sealed record PulledUpdates(
    [property: Id(0)] int FromVersion,
    [property: Id(1)] IReadOnlyList<DraftUpdate> Updates);
