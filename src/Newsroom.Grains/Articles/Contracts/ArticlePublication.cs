namespace Newsroom.Grains.Articles;

/// <summary>
/// What a draft hands its article to publish: the content, where in the draft it came from, and for a story
/// already published, whether this is an update or a correction and the note readers will see. Who published it:
/// their display name, and their user name (so they are not told of their own publication).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-publication")]
public sealed record ArticlePublication(
    [property: Id(0)] string DraftId,
    [property: Id(1)] int DraftBodyVersion,
    [property: Id(2)] ArticleContent Content,
    [property: Id(3)] ArticleChangeKind Kind,
    [property: Id(4)] string Note,
    [property: Id(5)] string PublishedBy,
    [property: Id(6)] string? BodyChangeJson,
    [property: Id(7)] string? PublishedByUserName = null);
