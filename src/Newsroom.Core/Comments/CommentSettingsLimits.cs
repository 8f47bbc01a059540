namespace Newsroom.Core.Comments;

/// <summary>An inclusive range of whole numbers a setting may take.</summary>
public readonly record struct CommentSettingsRange(int Min, int Max)
{
    public bool Contains(int value) => value >= Min && value <= Max;
}

/// <summary>
/// The ranges comment settings may take. Kept apart from the defaults so the settings form and the validation
/// quote the same numbers.
/// </summary>
public static class CommentSettingsLimits
{
    /// <summary>Ten years: past that, "close after" means "never" and null says it better.</summary>
    public static CommentSettingsRange CloseAfterDays { get; } = new(1, 3_650);

    public static CommentSettingsRange MinLength { get; } = new(1, 1_000);

    /// <summary>10,000 characters is an essay; longer bodies would crowd the first page and the table rows.</summary>
    public static CommentSettingsRange MaxLength { get; } = new(1, 10_000);

    public static CommentSettingsRange LinksBeforeHold { get; } = new(0, 100);

    public static CommentSettingsRange GuestApprovalsBeforeTrust { get; } = new(0, 100);

    public static CommentSettingsRange RecentCommentsConsidered { get; } = new(1, 50);

    public static CommentSettingsRange RejectionsBeforePremoderation { get; } = new(1, 50);

    /// <summary>A day: an edit window longer than that lets authors rewrite a discussion others already answered.</summary>
    public static TimeSpan LongestEditWindow { get; } = TimeSpan.FromDays(1);

    public static TimeSpan LongestRepeatWindow { get; } = TimeSpan.FromDays(1);
}
