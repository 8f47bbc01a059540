using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments.Storage;

/// <summary>
/// One story's thread in storage: a row per comment, vote, rating, decision and report, and one meta row. A write
/// carries only what changed (and the meta row), so posting costs the comment, never the thread.
/// </summary>
public interface ICommentStore
{
    Task<StoredCommentThread> LoadAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Stores one change whole or not at all (one transaction in the story's partition).</summary>
    Task WriteAsync(string slug, CommentWrite write, CancellationToken cancellationToken = default);
}

/// <summary>A comment as stored: Core's comment, the hash of a guest's email (never the address), and its passage.</summary>
public sealed record StoredComment(Comment Comment, string? EmailHash, InlineAnchor? Anchor);

/// <summary>
/// The thread's counters and settings, rewritten with every change: the last comment id given (ids of comments deleted
/// for good are never given again), the last channel version announced, the last decision number, and the article's
/// settings overrides.
/// </summary>
public sealed record CommentThreadMeta(long LastId, long ChannelVersion, long LastDecision, CommentSettingsOverrides Overrides)
{
    public static CommentThreadMeta Empty { get; } = new(0, 0, 0, CommentSettingsOverrides.None);
}

/// <summary>Everything stored for one thread, as activation reads it back.</summary>
public sealed record StoredCommentThread(
    CommentThreadMeta Meta,
    IReadOnlyList<StoredComment> Comments,
    IReadOnlyList<StoredCommentVote> Votes,
    IReadOnlyList<KeyValuePair<string, int>> Ratings,
    IReadOnlyList<CommentDecision> Decisions,
    IReadOnlyList<CommentReport> Reports);

/// <summary>One change to store: the meta row, and the rows it adds, replaces or removes.</summary>
public sealed record CommentWrite(CommentThreadMeta Meta)
{
    public IReadOnlyList<StoredComment> Comments { get; init; } = [];

    public IReadOnlyList<long> RemovedComments { get; init; } = [];

    /// <summary>Votes to store; <see cref="CommentVote.None"/> removes the voter's row.</summary>
    public IReadOnlyList<StoredCommentVote> Votes { get; init; } = [];

    public KeyValuePair<string, int>? Rating { get; init; }

    public CommentDecision? Decision { get; init; }

    public CommentReport? Report { get; init; }
}
