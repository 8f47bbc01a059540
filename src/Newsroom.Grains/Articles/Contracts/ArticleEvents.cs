using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Articles;

/// <summary>A version was published (first, update or correction): readers with the story open get the new text.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-updated")]
public sealed record ArticleUpdated([property: Id(0)] ArticleView Article) : NewsroomEvent;

/// <summary>The story was taken down: open pages stop showing the text and show the editor's note.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-withdrawn")]
public sealed record ArticleWithdrawn([property: Id(0)] ArticleWithdrawal Withdrawal) : NewsroomEvent;
