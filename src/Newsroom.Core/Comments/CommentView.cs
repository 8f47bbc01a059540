namespace Newsroom.Core.Comments;

/// <summary>
/// A comment as one reader sees it on a page, with its first replies. Carries no author id (a guest's id is their
/// cookie's identity). A comment that is gone but still has replies shows as a placeholder: no text, no name,
/// <see cref="Placeholder"/> saying why (also for a held edit of a comment that was already answered), so the replies keep their place.
/// </summary>
public sealed record CommentView(
    long Id,
    long? ParentId,
    int Depth,
    string? AuthorName,
    bool IsStaff,
    string? Text,
    DateTimeOffset PostedAt,
    CommentStatus Status,
    bool IsEdited,
    bool Featured,
    CommentVoteTally Votes,
    string? ReplyingTo,
    bool IsMine,
    IReadOnlyList<CommentView> Replies,
    int MoreReplies,
    string? MoreRepliesCursor)
{
    public const string DeletedPlaceholder = "comment deleted";
    public const string RemovedPlaceholder = "comment removed";
    public const string PendingPlaceholder = "comment awaiting review";

    /// <summary>"comment deleted" or "comment removed" in place of a gone comment that has replies; null otherwise.</summary>
    public string? Placeholder => Status switch
    {
        CommentStatus.Deleted => DeletedPlaceholder,
        CommentStatus.Rejected or CommentStatus.Removed => RemovedPlaceholder,
        CommentStatus.Pending when !IsMine => PendingPlaceholder,
        _ => null,
    };
}

/// <summary>
/// One page of a story's comments: top-level comments (or one comment's replies) in order, each with its first
/// replies, and the cursor of the next page, null on the last.
/// </summary>
public sealed record CommentPage(IReadOnlyList<CommentView> Comments, string? NextCursor, int PublishedCount);
