namespace Newsroom.Grains.Articles;

/// <summary>
/// One published version, immutable once stored. <see cref="BodyChangeJson"/> takes the previous version's body to
/// this one's (a ChangeSet, as the editor's own edits composed, or a character diff when those were gone), so a
/// passage readers commented on can be followed through every update; null for the first version.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-version")]
public sealed record ArticleVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] ArticleContent Content,
    [property: Id(2)] string DraftId,
    [property: Id(3)] int DraftBodyVersion,
    [property: Id(4)] DateTimeOffset PublishedAt,
    [property: Id(5)] string PublishedBy,
    [property: Id(6)] ArticleChangeKind Kind,
    [property: Id(7)] string Note,
    [property: Id(8)] string? BodyChangeJson);
