using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Comments;

/// <summary>
/// A comment appeared for readers (posted, or approved out of the queue): open pages put it behind "N new comments",
/// or under the comment it answers. <see cref="PublishedCount"/> is the thread's new "N Comments".
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-posted-event")]
public sealed record CommentPublished(
    [property: Id(0)] CommentItem Comment,
    [property: Id(1)] int PublishedCount) : NewsroomEvent;

/// <summary>
/// A comment changed on every open page: edited, deleted by its author, approved, rejected, removed, featured or no
/// longer featured. <see cref="Comment"/> is what readers now see (no text once it is gone: a page shows the placeholder
/// if it has replies on screen, or drops it); <see cref="Gone"/> lists comments that left the thread altogether.
/// <see cref="NewlyFeatured"/> says a moderator has just featured it: pages offer to bring it to the top, which they
/// cannot tell from the comment alone when it is not on screen.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-changed-event")]
public sealed record CommentChanged(
    [property: Id(0)] CommentItem? Comment,
    [property: Id(1)] IReadOnlyList<long> Gone,
    [property: Id(2)] int PublishedCount,
    [property: Id(3)] bool NewlyFeatured = false) : NewsroomEvent;

/// <summary>A comment's votes changed.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-votes-event")]
public sealed record CommentVotesChanged(
    [property: Id(0)] long CommentId,
    [property: Id(1)] int Up,
    [property: Id(2)] int Down) : NewsroomEvent;

/// <summary>The story's rating changed: pages show the new "4.2 · 37 votes".</summary>
[GenerateSerializer, Immutable, Alias("newsroom.article-rating-event")]
public sealed record ArticleRatingChanged([property: Id(0)] CommentRating Rating) : NewsroomEvent;
