namespace Newsroom.Grains.Drafts;

/// <summary>
/// One connection in a draft. <see cref="Field"/> is null until the editor first reports a cursor; positions
/// are in that field's durable document at <see cref="Version"/>, and clients map them through later changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-editor-presence")]
public sealed record DraftEditorPresence(
    [property: Id(0)] string ConnectionId,
    [property: Id(1)] string UserName,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Initials,
    [property: Id(4)] string Colour,
    [property: Id(5)] string? Field,
    [property: Id(6)] int Anchor,
    [property: Id(7)] int Head,
    [property: Id(8)] int Version = 0);
