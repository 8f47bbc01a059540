namespace Newsroom.Grains.Drafts;

/// <summary>The metadata properties to set; a null property stays as it is.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-metadata-change")]
public sealed record DraftMetadataChange(
    [property: Id(0)] string? Section = null,
    [property: Id(1)] IReadOnlyList<string>? Tags = null,
    [property: Id(2)] string? Byline = null,
    [property: Id(3)] string? Slug = null);
