namespace Newsroom.Core.Comments;

/// <summary>
/// One article's departures from the site-wide comment settings. Null means "as the site says", so changing a
/// default later reaches every article that did not choose otherwise.
/// </summary>
public sealed record CommentSettingsOverrides
{
    public static CommentSettingsOverrides None { get; } = new();

    public ModerationMode? Mode { get; init; }

    public bool? Open { get; init; }

    /// <summary>This article's own auto-close; wins over <see cref="NeverCloseByAge"/> when both are set.</summary>
    public int? CloseAfterDays { get; init; }

    /// <summary>
    /// Keeps this article's thread open however old it gets, even when the site closes threads by age (null alone
    /// could not say that: it means "as the site says").
    /// </summary>
    public bool NeverCloseByAge { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public TimeSpan? EditWindow { get; init; }

    public int? LinksBeforeHold { get; init; }

    public int? GuestApprovalsBeforeTrust { get; init; }

    /// <summary>The site's settings with this article's choices laid over them. Validate the result, not the parts.</summary>
    public CommentSettings ApplyTo(CommentSettings defaults)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        return defaults with
        {
            Mode = Mode ?? defaults.Mode,
            Open = Open ?? defaults.Open,
            CloseAfterDays = CloseAfterDays ?? (NeverCloseByAge ? null : defaults.CloseAfterDays),
            MinLength = MinLength ?? defaults.MinLength,
            MaxLength = MaxLength ?? defaults.MaxLength,
            EditWindow = EditWindow ?? defaults.EditWindow,
            LinksBeforeHold = LinksBeforeHold ?? defaults.LinksBeforeHold,
            GuestApprovalsBeforeTrust = GuestApprovalsBeforeTrust ?? defaults.GuestApprovalsBeforeTrust,
        };
    }
}
