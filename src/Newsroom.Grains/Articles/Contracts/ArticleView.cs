namespace Newsroom.Grains.Articles;

/// <summary>
/// A published story now: its current version (kept even once withdrawn, for the newsroom's record), its updates
/// and corrections, and whether it was withdrawn and why. <see cref="ChannelVersion"/> is the version of
/// <c>article:{slug}</c> this view is current at.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-view")]
public sealed record ArticleView(
    [property: Id(0)] string Slug,
    [property: Id(1)] ArticleVersion Current,
    [property: Id(2)] IReadOnlyList<ArticleRevision> Revisions,
    [property: Id(3)] DateTimeOffset FirstPublishedAt,
    [property: Id(4)] ArticleWithdrawal? Withdrawal,
    [property: Id(5)] long ChannelVersion)
{
    public bool IsWithdrawn => Withdrawal is not null;
}

/// <summary>Why and when a story was taken down; readers see the note instead of the text.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-withdrawal")]
public sealed record ArticleWithdrawal(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string Note);
