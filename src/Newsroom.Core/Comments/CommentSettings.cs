namespace Newsroom.Core.Comments;

/// <summary>
/// How comments under a story behave: the site-wide defaults, or those defaults with one article's overrides merged in
/// (<see cref="CommentSettingsOverrides.ApplyTo"/>). Immutable, so a thread can hold the settings it decided with.
/// </summary>
public sealed record CommentSettings
{
    /// <summary>What the newsroom starts with when nobody configured anything.</summary>
    public static CommentSettings Defaults { get; } = new();

    public ModerationMode Mode { get; init; } = ModerationMode.PostModeration;

    /// <summary>False closes the thread by hand: existing comments stay readable, nothing new is taken.</summary>
    public bool Open { get; init; } = true;

    /// <summary>Days after publication after which the thread closes by itself; null keeps it open for good.</summary>
    public int? CloseAfterDays { get; init; }

    /// <summary>Shortest comment body in characters (counted by the comment text rules, not here).</summary>
    public int MinLength { get; init; } = 2;

    /// <summary>Longest comment body in characters.</summary>
    public int MaxLength { get; init; } = 3_000;

    /// <summary>How long after posting an author may still edit or delete their own comment.</summary>
    public TimeSpan EditWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>A comment with more links than this is held: link spam is the commonest abuse.</summary>
    public int LinksBeforeHold { get; init; } = 2;

    /// <summary>A guest's comments are held until this many of theirs were approved; 0 trusts guests at once.</summary>
    public int GuestApprovalsBeforeTrust { get; init; } = 2;

    /// <summary>How many of a person's latest decided comments are looked at for <see cref="RejectionsBeforePremoderation"/>.</summary>
    public int RecentCommentsConsidered { get; init; } = 5;

    /// <summary>A person with this many rejections among their recent comments goes back to pre-moderation.</summary>
    public int RejectionsBeforePremoderation { get; init; } = 3;

    /// <summary>The same text from the same person within this time is held as a likely double post or flood.</summary>
    public TimeSpan RepeatWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The problems with these settings, each naming the field and its allowed range; empty when they are usable.
    /// Checked for the site defaults at start and for every per-article change, so a bad value is never stored.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Mode))
        {
            problems.Add($"Moderation mode must be pre-moderation or post-moderation; got {(int)Mode}.");
        }

        Check(problems, "Close after days", CloseAfterDays, CommentSettingsLimits.CloseAfterDays);
        Check(problems, "Minimum length", MinLength, CommentSettingsLimits.MinLength);
        Check(problems, "Maximum length", MaxLength, CommentSettingsLimits.MaxLength);
        if (MinLength > MaxLength && CommentSettingsLimits.MinLength.Contains(MinLength) && CommentSettingsLimits.MaxLength.Contains(MaxLength))
        {
            problems.Add($"Minimum length ({MinLength}) must not be more than maximum length ({MaxLength}).");
        }

        if (EditWindow < TimeSpan.Zero || EditWindow > CommentSettingsLimits.LongestEditWindow)
        {
            problems.Add($"Edit window must be 0 to {CommentSettingsLimits.LongestEditWindow.TotalMinutes:0} minutes; got {EditWindow.TotalMinutes:0.##} minutes.");
        }

        Check(problems, "Links before hold", LinksBeforeHold, CommentSettingsLimits.LinksBeforeHold);
        Check(problems, "Guest approvals before trust", GuestApprovalsBeforeTrust, CommentSettingsLimits.GuestApprovalsBeforeTrust);
        Check(problems, "Recent comments considered", RecentCommentsConsidered, CommentSettingsLimits.RecentCommentsConsidered);
        Check(problems, "Rejections before pre-moderation", RejectionsBeforePremoderation, CommentSettingsLimits.RejectionsBeforePremoderation);
        if (RejectionsBeforePremoderation > RecentCommentsConsidered && CommentSettingsLimits.RecentCommentsConsidered.Contains(RecentCommentsConsidered))
        {
            problems.Add($"Rejections before pre-moderation ({RejectionsBeforePremoderation}) must not be more than recent comments considered ({RecentCommentsConsidered}).");
        }

        if (RepeatWindow < TimeSpan.Zero || RepeatWindow > CommentSettingsLimits.LongestRepeatWindow)
        {
            problems.Add($"Repeat window must be 0 to {CommentSettingsLimits.LongestRepeatWindow.TotalMinutes:0} minutes; got {RepeatWindow.TotalMinutes:0.##} minutes.");
        }

        return problems;
    }

    /// <summary>
    /// Whether readers may comment now, and if not, the sentence they see. A thread closed by hand says so without a
    /// date; one closed by age gives the day it closed, so readers of an old story know it is not a fault.
    /// </summary>
    public CommentsOpening IsOpen(DateTimeOffset publishedAt, DateTimeOffset now)
    {
        if (!Open)
        {
            return CommentsOpening.Closed("Comments on this story are closed.", closedAt: null);
        }

        if (CloseAfterDays is not { } days)
        {
            return CommentsOpening.OpenForGood;
        }

        var closesAt = publishedAt.AddDays(days);
        return now < closesAt
            ? CommentsOpening.OpenUntil(closesAt)
            : CommentsOpening.Closed($"Comments on this story closed on {CommentsOpening.Day(closesAt)}.", closesAt);
    }

    private static void Check(List<string> problems, string field, int? value, CommentSettingsRange range)
    {
        if (value is { } v && !range.Contains(v))
        {
            problems.Add($"{field} must be {range.Min}..{range.Max}; got {v}.");
        }
    }
}
