namespace Newsroom.Grains.Desk;

/// <summary>The latest bulletins, newest last, the drafts, and the channel version they are current at.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.desk-snapshot")]
public sealed record DeskSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<DeskBulletin> Bulletins,
    [property: Id(2)] IReadOnlyList<DraftSummary> Drafts);
