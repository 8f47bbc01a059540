namespace Newsroom.Grains.Articles;

/// <summary>What readers read: the story as it stood in its draft when it was published.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-content")]
public sealed record ArticleContent(
    [property: Id(0)] string Headline,
    [property: Id(1)] string Standfirst,
    [property: Id(2)] string Body,
    [property: Id(3)] string Section,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string Byline);
