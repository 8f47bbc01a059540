namespace Newsroom.Grains.Articles;

/// <summary>A line of the story's update history as readers see it (the first publication included).</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-revision")]
public sealed record ArticleRevision(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ArticleChangeKind Kind,
    [property: Id(3)] string Note);
