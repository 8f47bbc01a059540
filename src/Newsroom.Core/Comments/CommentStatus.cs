namespace Newsroom.Core.Comments;

/// <summary>Where a comment stands. Only <see cref="Published"/> comments are shown to readers as written.</summary>
public enum CommentStatus
{
    /// <summary>Visible to everyone.</summary>
    Published,

    /// <summary>Waiting for a moderator (pre-moderation or held by a rule); its author still sees it, marked.</summary>
    Pending,

    /// <summary>A moderator turned it down before or after it appeared.</summary>
    Rejected,

    /// <summary>Its author deleted it while it had replies: it stays as "comment deleted" so the replies keep their place.</summary>
    Deleted,

    /// <summary>A moderator took it down (a deletion by the desk, not a judgement on a pending comment).</summary>
    Removed,
}
