using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments.Storage;

/// <summary>
/// One story's thread in storage: a row per comment, vote, rating, decision and report, and the thread's counters. A
/// write carries only what changed (and the counters), so posting costs the comment, never the thread. The rows of
/// one discussion (a top-level comment with its replies, their votes, reports and decisions) are stored together
/// with those of its neighbours, <see cref="DiscussionsPerPartition"/> discussions to a partition, so a change is
/// one transaction in a partition whose size does not grow with the thread.
/// </summary>
public interface ICommentStore
{
    /// <summary>Discussions stored together: top-level ids 0-99 in one partition, 100-199 in the next, and so on.</summary>
    const int DiscussionsPerPartition = 100;

    Task<StoredCommentThread> LoadAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Stores one change whole or not at all (one transaction in the story's partition).</summary>
    Task WriteAsync(string slug, CommentWrite write, CancellationToken cancellationToken = default);
}

/// <summary>
/// A comment as stored: Core's comment, the hash of a guest's email (never the address), its passage, and the key its
/// writer's page posted it with (<see cref="CommentPost.Key"/>).
/// </summary>
public sealed record StoredComment(Comment Comment, string? EmailHash, InlineAnchor? Anchor, string? PostKey = null);

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

/// <summary>
/// One change to store: the thread's counters, and the rows it adds, replaces or removes. Every comment, vote, report
/// and decision in it belongs to <see cref="Discussion"/> or to a discussion stored with it; a change of the thread as
/// a whole (a rating, the settings) names none.
/// </summary>
public sealed record CommentWrite(CommentThreadMeta Meta)
{
    /// <summary>The top-level comment whose discussion changes; null for the thread as a whole.</summary>
    public long? Discussion { get; init; }

    public IReadOnlyList<StoredComment> Comments { get; init; } = [];

    /// <summary>
    /// Comments posted by this change: inserted, never replacing a row, so that a second activation of the thread (Orleans
    /// may make one while a dead silo's grains are placed again) cannot overwrite a comment already stored under the
    /// same id; the write fails instead.
    /// </summary>
    public IReadOnlyList<StoredComment> NewComments { get; init; } = [];

    public IReadOnlyList<long> RemovedComments { get; init; } = [];

    /// <summary>Votes to store; <see cref="CommentVote.None"/> removes the voter's row.</summary>
    public IReadOnlyList<StoredCommentVote> Votes { get; init; } = [];

    public KeyValuePair<string, int>? Rating { get; init; }

    public CommentDecision? Decision { get; init; }

    public CommentReport? Report { get; init; }
}
