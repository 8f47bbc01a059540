using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments;

/// <summary>What a moderator does to one comment.</summary>
public enum CommentModerationAction
{
    Approve,
    Reject,
    Remove,
    Feature,
    Unfeature,

    /// <summary>Bans the comment's author from commenting and voting anywhere in the newsroom.</summary>
    Ban,
}

/// <summary>A moderator's decision as recorded: on which comment, what, who, when and why.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-decision")]
public sealed record CommentDecision(
    [property: Id(0)] long CommentId,
    [property: Id(1)] CommentModerationAction Action,
    [property: Id(2)] string By,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Reason);

/// <summary>A reader's report of a comment: who, when, why. One per reader per comment; reporting again replaces it.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-report")]
public sealed record CommentReport(
    [property: Id(0)] long CommentId,
    [property: Id(1)] string ReporterId,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Reason);

/// <summary>
/// A comment as the moderation queue shows it: the whole text whatever its status, who wrote it (their id, to ban),
/// the rule that held it, and the readers' reports.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-queued")]
public sealed record QueuedComment(
    [property: Id(0)] long Id,
    [property: Id(1)] long? ParentId,
    [property: Id(2)] string AuthorId,
    [property: Id(3)] string AuthorName,
    [property: Id(4)] bool IsStaff,
    [property: Id(5)] string Text,
    [property: Id(6)] DateTimeOffset PostedAt,
    [property: Id(7)] CommentStatus Status,
    [property: Id(8)] ModerationRule HeldBy,
    [property: Id(9)] string? HoldReason,
    [property: Id(10)] IReadOnlyList<CommentReport> Reports);

/// <summary>The thread's moderation queue: comments waiting for a moderator, oldest first, and reported comments.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-queue")]
public sealed record CommentQueue(
    [property: Id(0)] IReadOnlyList<QueuedComment> Pending,
    [property: Id(1)] int PendingCount,
    [property: Id(2)] IReadOnlyList<QueuedComment> Reported);

/// <summary>
/// One article's choices over the site's comment settings; null means "as the site says" (Core's
/// <see cref="CommentSettingsOverrides"/> on the wire).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-settings-change")]
public sealed record CommentSettingsChange(
    [property: Id(0)] ModerationMode? Mode = null,
    [property: Id(1)] bool? Open = null,
    [property: Id(2)] int? CloseAfterDays = null,
    [property: Id(3)] bool NeverCloseByAge = false,
    [property: Id(4)] int? MinLength = null,
    [property: Id(5)] int? MaxLength = null,
    [property: Id(6)] TimeSpan? EditWindow = null,
    [property: Id(7)] int? LinksBeforeHold = null,
    [property: Id(8)] int? GuestApprovalsBeforeTrust = null)
{
    public CommentSettingsOverrides ToCore() => new()
    {
        Mode = Mode,
        Open = Open,
        CloseAfterDays = CloseAfterDays,
        NeverCloseByAge = NeverCloseByAge,
        MinLength = MinLength,
        MaxLength = MaxLength,
        EditWindow = EditWindow,
        LinksBeforeHold = LinksBeforeHold,
        GuestApprovalsBeforeTrust = GuestApprovalsBeforeTrust,
    };

    public static CommentSettingsChange From(CommentSettingsOverrides o) => new(
        o.Mode, o.Open, o.CloseAfterDays, o.NeverCloseByAge, o.MinLength, o.MaxLength, o.EditWindow, o.LinksBeforeHold, o.GuestApprovalsBeforeTrust);
}

/// <summary>The settings a thread runs with (the site's with the article's choices laid over them) and the choices alone.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-settings-view")]
public sealed record CommentSettingsView(
    [property: Id(0)] ModerationMode Mode,
    [property: Id(1)] bool Open,
    [property: Id(2)] int? CloseAfterDays,
    [property: Id(3)] int MinLength,
    [property: Id(4)] int MaxLength,
    [property: Id(5)] TimeSpan EditWindow,
    [property: Id(6)] int LinksBeforeHold,
    [property: Id(7)] int GuestApprovalsBeforeTrust,
    [property: Id(8)] CommentSettingsChange Overrides,
    [property: Id(9)] CommentThreadOpening Opening);
