namespace Newsroom.Grains.Drafts;

/// <summary>An editor's selection in one field: <see cref="Anchor"/> stays put, <see cref="Head"/> moves (UTF-16 offsets).</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-cursor")]
public sealed record DraftCursor(
    [property: Id(0)] string Field,
    [property: Id(1)] int Anchor,
    [property: Id(2)] int Head);
