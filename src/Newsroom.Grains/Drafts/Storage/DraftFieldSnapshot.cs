namespace Newsroom.Grains.Drafts.Storage;

[GenerateSerializer, Immutable, Alias("newsroom.draft-field-snapshot")]
public sealed record DraftFieldSnapshot(
    [property: Id(0)] int Version,
    [property: Id(1)] string Text);
