using Newsroom.Core.Comments;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Comments;

/// <summary>Which comments of the newsroom's moderation queue to list.</summary>
public enum ModerationQueueFilter
{
    /// <summary>Comments held by a rule or by pre-moderation, waiting to be approved or rejected.</summary>
    Pending,

    /// <summary>Held comments waiting because of who wrote them or where: pre-moderation, a new guest, a mostly rejected author.</summary>
    AwaitingApproval,

    /// <summary>Held comments a rule on their text held: a suspect word, too many links, repeated text.</summary>
    HeldByRule,

    /// <summary>Published comments readers reported since a moderator last decided on them.</summary>
    Reported,

    All,
}

/// <summary>
/// One comment waiting for a moderator, anywhere in the newsroom: the story (<see cref="Slug"/>) and comment id to act
/// on, who wrote it, the start of its text (<see cref="Excerpt"/>, and as safe HTML), why it is held
/// (<see cref="HeldBy"/>, <see cref="HoldReason"/>) or how often and why it was reported, since when it waits, and the
/// author's record under the same story when it joined the queue (<see cref="AuthorPublished"/>, <see cref="AuthorRejected"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.moderation-entry")]
public sealed record ModerationEntry(
    [property: Id(0)] string Slug,
    [property: Id(1)] long CommentId,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] bool IsStaff,
    [property: Id(4)] string Excerpt,
    [property: Id(5)] string Html,
    [property: Id(6)] CommentStatus Status,
    [property: Id(7)] ModerationRule HeldBy,
    [property: Id(8)] string? HoldReason,
    [property: Id(9)] int ReportCount,
    [property: Id(10)] IReadOnlyList<string> ReportReasons,
    [property: Id(11)] DateTimeOffset PostedAt,
    [property: Id(12)] DateTimeOffset Since,
    [property: Id(13)] int AuthorPublished = 0,
    [property: Id(14)] int AuthorRejected = 0)
{
    /// <summary>How much of a comment's text the queue shows; the thread has the rest.</summary>
    public const int ExcerptLength = 280;

    /// <summary>How many of the latest report reasons the queue shows.</summary>
    public const int ShownReasons = 5;

    public bool IsPending => Status == CommentStatus.Pending;

    public bool IsReported => ReportCount > 0;

    /// <summary>Held for what it says (a rephrasing would have avoided it), not for who wrote it or where.</summary>
    public bool IsHeldByRule => IsPending && HeldBy is ModerationRule.SuspectWord or ModerationRule.TooManyLinks or ModerationRule.RepeatedText or ModerationRule.BannedWord;

    /// <summary><c>{slug}:{id:D12}</c>: the entry's row key, unique in the newsroom.</summary>
    public string Key => KeyOf(Slug, CommentId);

    public static string KeyOf(string slug, long commentId) => $"{slug}:{commentId:D12}";

    public bool Matches(ModerationQueueFilter filter) => filter switch
    {
        ModerationQueueFilter.Pending => IsPending,
        ModerationQueueFilter.AwaitingApproval => IsPending && !IsHeldByRule,
        ModerationQueueFilter.HeldByRule => IsHeldByRule,
        ModerationQueueFilter.Reported => IsReported,
        _ => true,
    };

    /// <summary>The same entry in every field a moderator sees (records compare lists by reference).</summary>
    public bool SameAs(ModerationEntry? other) =>
        other is not null && this with { ReportReasons = [] } == other with { ReportReasons = [] } && ReportReasons.SequenceEqual(other.ReportReasons);
}

/// <summary>
/// One page of the queue, longest waiting first, its counts (<see cref="HeldByRuleCount"/> is part of
/// <see cref="PendingCount"/>), and the <c>moderation:{queue}</c> version it is current at.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.moderation-queue-page")]
public sealed record ModerationQueuePage(
    [property: Id(0)] IReadOnlyList<ModerationEntry> Entries,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] int PendingCount,
    [property: Id(3)] int ReportedCount,
    [property: Id(4)] long ChannelVersion,
    [property: Id(5)] int HeldByRuleCount = 0);

/// <summary>A comment joined the queue, or changed in it (edited, reported again): the queue page shows <see cref="Entry"/>.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.moderation-queued-event")]
public sealed record ModerationQueued(
    [property: Id(0)] ModerationEntry Entry,
    [property: Id(1)] int PendingCount,
    [property: Id(2)] int ReportedCount,
    [property: Id(3)] int HeldByRuleCount = 0) : NewsroomEvent;

/// <summary>
/// A comment left the queue: a moderator decided (<see cref="Action"/>, <see cref="By"/>, <see cref="Reason"/>), or,
/// with no action, its author deleted it or the thread found it no longer waits.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.moderation-decided-event")]
public sealed record ModerationDecided(
    [property: Id(0)] string Slug,
    [property: Id(1)] long CommentId,
    [property: Id(2)] CommentModerationAction? Action,
    [property: Id(3)] string? By,
    [property: Id(4)] int PendingCount,
    [property: Id(5)] int ReportedCount,
    [property: Id(6)] int HeldByRuleCount = 0,
    [property: Id(7)] string? Reason = null) : NewsroomEvent;
