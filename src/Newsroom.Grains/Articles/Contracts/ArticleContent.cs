namespace Newsroom.Grains.Articles;

/// <summary>What readers read: the story as it stood in its draft when it was published.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-content")]
public sealed record ArticleContent(
    [property: Id(0)] string Headline,
    [property: Id(1)] string Standfirst,
    [property: Id(2)] string Body,
    [property: Id(3)] string Section,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string Byline)
{
    /// <summary>The same text and details (tags compared by value, which a record's own equality does not do for a list).</summary>
    public bool SameAs(ArticleContent other) =>
        other is not null
        && Headline == other.Headline && Standfirst == other.Standfirst && Body == other.Body
        && Section == other.Section && Byline == other.Byline && Tags.SequenceEqual(other.Tags);
}
