namespace Newsroom.Core.Comments;

/// <summary>A reader's vote on a comment. <see cref="None"/> takes a vote back.</summary>
public enum CommentVote
{
    Down = -1,
    None = 0,
    Up = 1,
}

/// <summary>A comment's votes: each reader counts once, in one direction.</summary>
public readonly record struct CommentVoteTally(int Up, int Down)
{
    public int Score => Up - Down;
}

/// <summary>One stored vote (a row: comment, voter, direction), for loading a thread back.</summary>
public sealed record StoredCommentVote(long CommentId, string VoterId, CommentVote Vote);

/// <summary>
/// The answer to a vote: the comment's new tally, and the vote before, so the caller can store the row (or delete it
/// for <see cref="CommentVote.None"/>) and skip both when nothing changed.
/// </summary>
public sealed record VoteChange(bool Done, string? Refusal, CommentVoteTally Tally, CommentVote Previous, CommentVote Current)
{
    public bool Changed => Done && Previous != Current;

    public static VoteChange Refuse(string reason) => new(false, reason, default, CommentVote.None, CommentVote.None);
}
