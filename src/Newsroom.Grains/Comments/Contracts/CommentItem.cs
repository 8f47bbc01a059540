using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments;

/// <summary>
/// A comment as a page shows it (Core's <see cref="CommentView"/> on the wire): no author id, the text and its safe
/// HTML (<see cref="CommentHtml"/>) only while readers may see it, <see cref="Placeholder"/> ("comment deleted",
/// "comment removed") for a gone comment kept for its replies, the passage it is about for inline feedback, and the
/// viewer's own vote (<see cref="MyVote"/>; none in a broadcast, which has no viewer).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-item")]
public sealed record CommentItem(
    [property: Id(0)] long Id,
    [property: Id(1)] long? ParentId,
    [property: Id(2)] int Depth,
    [property: Id(3)] string? AuthorName,
    [property: Id(4)] bool IsStaff,
    [property: Id(5)] string? Text,
    [property: Id(6)] string? Html,
    [property: Id(7)] DateTimeOffset PostedAt,
    [property: Id(8)] CommentStatus Status,
    [property: Id(9)] bool IsEdited,
    [property: Id(10)] bool Featured,
    [property: Id(11)] int Up,
    [property: Id(12)] int Down,
    [property: Id(13)] string? ReplyingTo,
    [property: Id(14)] bool IsMine,
    [property: Id(15)] string? Placeholder,
    [property: Id(16)] CommentPassage? Passage,
    [property: Id(17)] IReadOnlyList<CommentItem> Replies,
    [property: Id(18)] int MoreReplies,
    [property: Id(19)] string? MoreRepliesCursor,
    [property: Id(20)] CommentVote MyVote = CommentVote.None)
{
    public int Score => Up - Down;
}

/// <summary>
/// The passage an inline comment is about: what it quoted in the version it was made on, and where that passage is in
/// the latest published version, or <see cref="Changed"/> with <see cref="ChangedNotice"/> once an update touched it.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-passage")]
public sealed record CommentPassage(
    [property: Id(0)] int MadeOnVersion,
    [property: Id(1)] string Quote,
    [property: Id(2)] int Version,
    [property: Id(3)] int? From,
    [property: Id(4)] int? To,
    [property: Id(5)] bool Changed,
    [property: Id(6)] int? ChangedInVersion)
{
    public string? ChangedNotice => Changed ? AnchoredPassage.ChangedNotice : null;

    /// <summary>The quote as the page showed it (the Markdown's text, without its marks), for readers.</summary>
    public string ShownQuote => Core.Publishing.StoryMarkdown.QuoteText(Quote);
}

/// <summary>
/// Which page of comments to read: Core's request plus <see cref="InlineOnly"/>, the filter that shows only comments
/// about a passage.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-page-query")]
public sealed record CommentPageQuery(
    [property: Id(0)] CommentSort Sort = CommentSort.Newest,
    [property: Id(1)] string? Cursor = null,
    [property: Id(2)] string? ViewerId = null,
    [property: Id(3)] int PageSize = CommentPageRequest.DefaultPageSize,
    [property: Id(4)] int RepliesShown = CommentPageRequest.DefaultRepliesShown,
    [property: Id(5)] bool InlineOnly = false);

/// <summary>
/// One page of a story's comments and the <c>comments:{slug}</c> version it is current at, so a page that joins the
/// channel asks only for what came after.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-page-result")]
public sealed record CommentPageResult(
    [property: Id(0)] IReadOnlyList<CommentItem> Comments,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] int PublishedCount,
    [property: Id(3)] long ChannelVersion,
    [property: Id(4)] CommentRating Rating,
    [property: Id(5)] CommentThreadOpening Opening);

/// <summary>A story's rating: "4.2 · 37 votes" (<see cref="Text"/>), and the viewer's own stars when asked for.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-rating")]
public sealed record CommentRating(
    [property: Id(0)] long TotalStars,
    [property: Id(1)] int Count,
    [property: Id(2)] int AverageTenths,
    [property: Id(3)] string Text,
    [property: Id(4)] int? Mine = null)
{
    public static CommentRating Of(RatingSummary summary, int? mine = null) =>
        new(summary.TotalStars, summary.Count, summary.AverageTenths, summary.ToString(), mine);
}

/// <summary>Whether the thread takes comments, until when, and otherwise the sentence readers see.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-thread-opening")]
public sealed record CommentThreadOpening(
    [property: Id(0)] bool IsOpen,
    [property: Id(1)] DateTimeOffset? ClosesAt,
    [property: Id(2)] string? Reason);

/// <summary>A passage of the latest version and how many inline comments are about it, for the article page's highlights.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-passage-count")]
public sealed record CommentPassageCount(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] int Comments);

/// <summary>
/// The passages with comments in one published version, counted at <see cref="ChannelVersion"/> of
/// <c>comments:{slug}</c>, so a page counts on from there with the inline comments that arrive after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-passages")]
public sealed record CommentPassages(
    [property: Id(0)] int Version,
    [property: Id(1)] IReadOnlyList<CommentPassageCount> Passages,
    [property: Id(2)] long ChannelVersion = 0);
