namespace Newsroom.Grains.Drafts;

/// <summary>
/// An editor's selection in one field: <see cref="Anchor"/> stays put, <see cref="Head"/> moves (UTF-16 offsets).
/// With <see cref="Version"/>, the positions are in the field as the server had it at that version (the editor's
/// synced version, its own unconfirmed changes mapped out), and the server maps them through what came after.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-cursor")]
public sealed record DraftCursor(
    [property: Id(0)] string Field,
    [property: Id(1)] int Anchor,
    [property: Id(2)] int Head,
    [property: Id(3)] int? Version = null);
