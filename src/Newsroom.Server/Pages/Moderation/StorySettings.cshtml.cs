using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Newsroom.Core.Comments;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Server.Auth;
using Newsroom.Server.Comments;
using Newsroom.Server.Pages.Articles;

namespace Newsroom.Server.Pages.Moderation;

/// <summary>
/// One story's comment settings, for moderators: the form shows the story's own choices over the site's (an empty
/// field follows the site, whose value it names), and saving replaces them through the thread grain, which refuses a
/// combination that does not work and stores nothing then. Site-wide defaults are configuration (Newsroom:Comments).
/// </summary>
[Authorize(Policy = NewsroomPolicies.Moderate)]
public sealed class StorySettingsModel(IGrainFactory grains, IOptions<CommentOptions> site) : PageModel
{
    /// <summary>What the moderator typed or picked, as text: an empty field follows the site.</summary>
    public sealed class SettingsForm
    {
        public string? Mode { get; set; }

        public string? Open { get; set; }

        /// <summary>"" (as the site), "never" or "days" (then <see cref="CloseAfterDays"/>).</summary>
        public string? CloseBy { get; set; }

        public string? CloseAfterDays { get; set; }

        public string? MinLength { get; set; }

        public string? MaxLength { get; set; }

        public string? EditWindowMinutes { get; set; }

        public string? LinksBeforeHold { get; set; }

        public string? GuestApprovalsBeforeTrust { get; set; }
    }

    [BindProperty(SupportsGet = true)]
    public string? Story { get; set; }

    [BindProperty]
    public SettingsForm Form { get; set; } = new();

    public string? Slug { get; private set; }

    public string? Headline { get; private set; }

    public CommentSettingsView? Settings { get; private set; }

    public CommentSettings Site { get; } = site.Value.ToSettings();

    public List<string> Problems { get; } = [];

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        Saved = saved;
        if (string.IsNullOrWhiteSpace(Story))
        {
            return Page();
        }

        if (!await FindStory())
        {
            return NotFoundPage();
        }

        Settings = await Thread.GetSettings();
        Form = FormOf(Settings.Overrides);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await FindStory())
        {
            return NotFoundPage();
        }

        var change = Parse(Form);
        if (Problems.Count == 0)
        {
            try
            {
                await Thread.SetSettings(change!, CommentCaller.Moderator(User));
                return Redirect($"/moderation/settings?story={Uri.EscapeDataString(Slug!)}&saved=true");
            }
            catch (CommentException refused)
            {
                Problems.Add(refused.Message);
            }
        }

        Settings = await Thread.GetSettings();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>What a field's "as the site" choice says the site does.</summary>
    public static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.##", CultureInfo.InvariantCulture);

    private ICommentThreadGrain Thread => grains.GetGrain<ICommentThreadGrain>(Slug!);

    private IActionResult NotFoundPage()
    {
        Problems.Add($"There is no published story at “{Story}”: give a story's address (/articles/…) or its slug.");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>The slug of <see cref="Story"/>, which may be a slug or a story's address, if a story was published there.</summary>
    private async Task<bool> FindStory()
    {
        var text = (Story ?? "").Trim();
        var at = text.LastIndexOf("/articles/", StringComparison.Ordinal);
        var slug = (at >= 0 ? text[(at + "/articles/".Length)..] : text).Split('#', '?')[0].TrimEnd('/');
        if (!ReaderText.IsPossibleSlug(slug) || await grains.GetGrain<IArticleGrain>(slug).Get() is not { } article)
        {
            return false;
        }

        Slug = slug;
        Headline = article.Current.Content.Headline;
        return true;
    }

    private static SettingsForm FormOf(CommentSettingsChange o) => new()
    {
        Mode = o.Mode switch { ModerationMode.PreModeration => "pre-moderation", ModerationMode.PostModeration => "post-moderation", _ => "" },
        Open = o.Open switch { true => "open", false => "closed", null => "" },
        CloseBy = o.CloseAfterDays is not null ? "days" : o.NeverCloseByAge ? "never" : "",
        CloseAfterDays = Text(o.CloseAfterDays),
        MinLength = Text(o.MinLength),
        MaxLength = Text(o.MaxLength),
        EditWindowMinutes = o.EditWindow is { } w ? Minutes(w) : "",
        LinksBeforeHold = Text(o.LinksBeforeHold),
        GuestApprovalsBeforeTrust = Text(o.GuestApprovalsBeforeTrust),
    };

    private static string Text(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>The form as the grain takes it, or null with <see cref="Problems"/> saying what is wrong.</summary>
    private CommentSettingsChange? Parse(SettingsForm f)
    {
        ModerationMode? mode = f.Mode switch
        {
            null or "" => null,
            "pre-moderation" => ModerationMode.PreModeration,
            "post-moderation" => ModerationMode.PostModeration,
            _ => Problem<ModerationMode>("Moderation is pre-moderation, post-moderation, or as the site says."),
        };
        bool? open = f.Open switch
        {
            null or "" => null,
            "open" => true,
            "closed" => false,
            _ => Problem<bool>("Comments are open, closed, or as the site says."),
        };
        var days = f.CloseBy switch
        {
            "days" => Number(f.CloseAfterDays, "Close after", "days") ?? Problem<int>("Say after how many days comments close."),
            null or "" or "never" => (int?)null,
            _ => Problem<int>("Closing by age is as the site says, never, or after a number of days."),
        };
        var minutes = Decimal(f.EditWindowMinutes, "Edit window");
        var change = new CommentSettingsChange(
            mode, open, days, f.CloseBy == "never", Number(f.MinLength, "Shortest comment", "characters"), Number(f.MaxLength, "Longest comment", "characters"),
            minutes is { } m ? TimeSpan.FromMinutes((double)m) : null,
            Number(f.LinksBeforeHold, "Links before a hold", "links"), Number(f.GuestApprovalsBeforeTrust, "Approvals before a guest is trusted", "approvals"));
        return Problems.Count == 0 ? change : null;
    }

    private int? Number(string? text, string field, string unit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Problems.Add($"“{field}” takes a whole number of {unit}, or nothing to follow the site; got “{Shorten(text)}”.");
        return null;
    }

    private decimal? Decimal(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && n <= 100_000)
        {
            return n;
        }

        Problems.Add($"“{field}” takes a number of minutes, or nothing to follow the site; got “{Shorten(text)}”.");
        return null;
    }

    private T? Problem<T>(string problem)
        where T : struct
    {
        Problems.Add(problem);
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
