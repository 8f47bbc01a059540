namespace Newsroom.Grains.Drafts;

/// <summary>
/// What is edited last-writer-wins rather than collaboratively: the last change the draft grain accepted
/// wins, whole property by whole property.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-metadata")]
public sealed record DraftMetadata(
    [property: Id(0)] string Section,
    [property: Id(1)] IReadOnlyList<string> Tags,
    [property: Id(2)] string Byline,
    [property: Id(3)] string Slug)
{
    public static DraftMetadata Empty { get; } = new("", [], "", "");
}
