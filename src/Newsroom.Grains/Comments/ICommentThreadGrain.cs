using Newsroom.Core.Comments;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Comments;

/// <summary>
/// The comments under one published story (key: its slug): the single writer of the thread and the owner of channel
/// <c>comments:{slug}</c>, which readers and staff may listen to. Every change is stored before it is answered or
/// broadcast. Refusals throw <see cref="CommentException"/> and store nothing.
/// </summary>
[Alias("newsroom.comment-thread")]
public interface ICommentThreadGrain : IChannelOwner
{
    /// <summary>Posts a comment, a reply or inline feedback; a held one is answered to its author only.</summary>
    [Alias("post")]
    Task<PostedComment> Post(CommentPost post);

    /// <summary>What posting this would do (published, held and why, refused), so the writer may rephrase; stores nothing.</summary>
    [Alias("check")]
    Task<CommentPostCheck> CheckBeforePosting(CommentPost post);

    /// <summary>The author's edit within the edit window; the new text meets the rules again.</summary>
    [Alias("edit")]
    Task<CommentItem> Edit(long commentId, CommentWriter author, string text);

    /// <summary>The author's deletion within the edit window; with replies it stays as "comment deleted".</summary>
    [Alias("delete")]
    Task Delete(long commentId, string authorId);

    /// <summary>Up, down, or <see cref="CommentVote.None"/> to take a vote back; one vote per person per comment.</summary>
    [Alias("vote")]
    Task<CommentItem> Vote(long commentId, string voterId, CommentVote vote);

    /// <summary>Rates the story 1 to 5 stars, or changes this reader's rating.</summary>
    [Alias("rate")]
    Task<CommentRating> Rate(string readerId, int stars);

    /// <summary>The story's rating, and <paramref name="readerId"/>'s own stars when given.</summary>
    [Alias("rating")]
    Task<CommentRating> GetRating(string? readerId);

    /// <summary>A reader reports a comment to the moderators with a reason.</summary>
    [Alias("report")]
    Task Report(long commentId, string reporterId, string reason);

    /// <summary>A page of top-level comments with their first replies.</summary>
    [Alias("page")]
    Task<CommentPageResult> GetPage(CommentPageQuery query);

    /// <summary>The replies under a comment after <paramref name="cursor"/> ("n more replies").</summary>
    [Alias("replies")]
    Task<CommentPageResult> GetReplies(long parentId, string? cursor, string? viewerId, int pageSize);

    /// <summary>
    /// The name of who wrote a published comment a reader asks to follow the replies to; refused (a
    /// <see cref="CommentException"/>) when there is no such comment, or it is not published.
    /// </summary>
    [Alias("followable")]
    Task<string> AuthorOfFollowable(long commentId);

    /// <summary>
    /// Which of <paramref name="commentIds"/> <paramref name="readerId"/> wrote (and may still see: published, or theirs
    /// waiting for a moderator) and how they voted on them; comments with neither are left out.
    /// </summary>
    [Alias("marks")]
    Task<CommentMarks> MarksOf(string readerId, IReadOnlyList<long> commentIds);

    /// <summary>The passages of the latest published version that have published inline comments, and how many each.</summary>
    [Alias("passages")]
    Task<CommentPassages> GetPassages();

    /// <summary>A moderator's decision on a comment, recorded with who, when and why.</summary>
    [Alias("moderate")]
    Task<CommentItem> Moderate(long commentId, CommentModerationAction action, CommentModerator moderator, string? reason);

    /// <summary>The moderation queue: comments waiting for a moderator (oldest first) and reported ones.</summary>
    [Alias("queue")]
    Task<CommentQueue> AwaitingModeration(int max);

    /// <summary>The decisions recorded on one comment, oldest first.</summary>
    [Alias("decisions")]
    Task<IReadOnlyList<CommentDecision>> DecisionsOn(long commentId);

    [Alias("settings")]
    Task<CommentSettingsView> GetSettings();

    /// <summary>Replaces this article's choices over the site's settings; refused when the result is not usable.</summary>
    [Alias("set-settings")]
    Task<CommentSettingsView> SetSettings(CommentSettingsChange change, CommentModerator moderator);
}
