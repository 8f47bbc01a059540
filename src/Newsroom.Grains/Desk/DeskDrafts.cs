namespace Newsroom.Grains.Desk;

/// <summary>Every draft the desk knows, most recently changed first, and the channel version they are current at.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.desk-drafts")]
public sealed record DeskDrafts(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<DraftSummary> Drafts);
