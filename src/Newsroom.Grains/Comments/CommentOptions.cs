using Microsoft.Extensions.Options;
using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments;

/// <summary>
/// The site-wide comment settings (<c>Newsroom:Comments</c>), which every article's own choices are laid over, and the
/// moderators' word lists. Checked when the host starts.
/// </summary>
public sealed class CommentOptions
{
    public const string Section = "Newsroom:Comments";

    public ModerationMode Mode { get; set; } = CommentSettings.Defaults.Mode;

    public bool Open { get; set; } = CommentSettings.Defaults.Open;

    public int? CloseAfterDays { get; set; } = CommentSettings.Defaults.CloseAfterDays;

    public int MinLength { get; set; } = CommentSettings.Defaults.MinLength;

    public int MaxLength { get; set; } = CommentSettings.Defaults.MaxLength;

    public TimeSpan EditWindow { get; set; } = CommentSettings.Defaults.EditWindow;

    public int LinksBeforeHold { get; set; } = CommentSettings.Defaults.LinksBeforeHold;

    public int GuestApprovalsBeforeTrust { get; set; } = CommentSettings.Defaults.GuestApprovalsBeforeTrust;

    public int RecentCommentsConsidered { get; set; } = CommentSettings.Defaults.RecentCommentsConsidered;

    public int RejectionsBeforePremoderation { get; set; } = CommentSettings.Defaults.RejectionsBeforePremoderation;

    public TimeSpan RepeatWindow { get; set; } = CommentSettings.Defaults.RepeatWindow;

    /// <summary>Words and phrases that refuse a comment.</summary>
    public List<string> BannedWords { get; set; } = [];

    /// <summary>Words and phrases that hold a comment for a moderator.</summary>
    public List<string> SuspectWords { get; set; } = [];

    public CommentSettings ToSettings() => new()
    {
        Mode = Mode,
        Open = Open,
        CloseAfterDays = CloseAfterDays,
        MinLength = MinLength,
        MaxLength = MaxLength,
        EditWindow = EditWindow,
        LinksBeforeHold = LinksBeforeHold,
        GuestApprovalsBeforeTrust = GuestApprovalsBeforeTrust,
        RecentCommentsConsidered = RecentCommentsConsidered,
        RejectionsBeforePremoderation = RejectionsBeforePremoderation,
        RepeatWindow = RepeatWindow,
    };

    public ModerationRules ToRules() => new(ModerationWordList.Of(BannedWords), ModerationWordList.Of(SuspectWords));
}

/// <summary>Stops the host at start when the site's comment settings are not usable, naming each setting.</summary>
internal sealed class CommentOptionsValidator : IValidateOptions<CommentOptions>
{
    public ValidateOptionsResult Validate(string? name, CommentOptions options)
    {
        var problems = options.ToSettings().Validate().Select(p => $"{CommentOptions.Section}: {p}").ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
