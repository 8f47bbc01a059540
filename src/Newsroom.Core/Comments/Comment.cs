namespace Newsroom.Core.Comments;

/// <summary>
/// One comment as the thread keeps and stores it (one table row each). Ids are given by the thread in posting order,
/// so "newest" and "oldest" are id order and a cursor is just an id. <see cref="Depth"/> is 1 for a comment on the
/// story, 2 and 3 for replies; a reply to a third-level comment is placed beside it, with <see cref="ReplyingTo"/>
/// naming the person answered, because threads nested deeper than three are unreadable on a phone.
/// </summary>
public sealed record Comment(
    long Id,
    long? ParentId,
    int Depth,
    CommentAuthor Author,
    string Text,
    DateTimeOffset PostedAt,
    CommentStatus Status)
{
    /// <summary>The deepest level a comment may sit at.</summary>
    public const int MaxDepth = 3;

    /// <summary>When its author last changed it; readers see "edited".</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Chosen by a moderator: shown before the others in every sort order, and marked.</summary>
    public bool Featured { get; init; }

    /// <summary>The display name of the person answered, for a reply moved up from below the third level ("@name").</summary>
    public string? ReplyingTo { get; init; }

    /// <summary>The comment actually answered when the reply was moved up to the third level.</summary>
    public long? RepliedToId { get; init; }

    /// <summary>The rule that held it for a moderator, kept after approval as part of the record.</summary>
    public ModerationRule HeldBy { get; init; }

    /// <summary>The moderators' sentence for <see cref="HeldBy"/> ("Contains the suspect word “fraud”.").</summary>
    public string? HoldReason { get; init; }

    public bool IsEdited => EditedAt is not null;

    /// <summary>The "@name " a reader sees before a moved-up reply's text; empty for the others.</summary>
    public string MentionPrefix => ReplyingTo is { } name ? $"@{name} " : "";
}
