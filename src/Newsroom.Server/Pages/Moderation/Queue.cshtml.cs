using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Server.Auth;
using Newsroom.Server.Comments;
using Newsroom.Server.Drafts;

namespace Newsroom.Server.Pages.Moderation;

/// <summary>
/// The newsroom's moderation queue: every story's held and reported comments, longest waiting first, the first page
/// rendered here and kept live by the page's script on <c>moderation:newsroom</c>. Moderators and admins only.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Moderate)]
public sealed class QueueModel(IGrainFactory grains, StaffDirectory staff) : PageModel
{
    /// <summary>The queue's parts as tabs: filter name, what the tab says.</summary>
    public static IReadOnlyList<(string Filter, string Label)> Tabs { get; } =
    [
        ("all", "All"),
        (WorkflowArguments.Name(ModerationQueueFilter.AwaitingApproval), "Awaiting approval"),
        (WorkflowArguments.Name(ModerationQueueFilter.HeldByRule), "Held by a rule"),
        (WorkflowArguments.Name(ModerationQueueFilter.Reported), "Reported"),
    ];

    public ModerationQueueView Queue { get; private set; } = null!;

    /// <summary>The filter shown, as the tabs name it.</summary>
    public string Show { get; private set; } = "all";

    /// <summary>User name to display name of every staff account, so a decision says who made it.</summary>
    public string StaffNames => JsonSerializer.Serialize(staff.Accounts.ToDictionary(a => a.UserName, a => a.DisplayName));

    public string RuleWords => JsonSerializer.Serialize(ModerationQueueReading.RuleWords);

    public async Task<IActionResult> OnGetAsync(string? show)
    {
        try
        {
            Show = WorkflowArguments.Name(ModerationQueueReading.Filter(show));
            Queue = await ModerationQueueReading.Read(grains, Show, ModerationQueueReading.PageSize, null);
        }
        catch (CommentException refused)
        {
            return BadRequest(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Not a part of the moderation queue", Detail = refused.Message });
        }

        return Page();
    }

    /// <summary>How many entries a tab holds; "all" counts each comment once (a held comment cannot be reported).</summary>
    public int Count(string filter)
    {
        var page = Queue.Page;
        return filter switch
        {
            "awaiting-approval" => page.PendingCount - page.HeldByRuleCount,
            "held-by-rule" => page.HeldByRuleCount,
            "reported" => page.ReportedCount,
            _ => page.PendingCount + page.ReportedCount,
        };
    }

    public static string Rule(ModerationRule rule) => ModerationQueueReading.RuleWords[WorkflowArguments.Name(rule)];

    /// <summary>"2 published, 1 rejected", as the page's script words it too.</summary>
    public static string Record(ModerationEntry entry) => $"{entry.AuthorPublished} published, {entry.AuthorRejected} rejected or deleted";

    public static string HoldReason(ModerationEntry entry) => ModerationQueueReading.HoldReason(entry.HeldBy, entry.HoldReason);

    /// <summary>The entry the page's <c>&lt;template&gt;</c> is rendered from: every part present, filled in by the script.</summary>
    public static QueueEntryItem Template { get; } = new(
        new ModerationEntry("", 0, "", false, "", "", CommentStatus.Pending, ModerationRule.None, "", 1, [""], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        "");
}

/// <summary>One queue entry as the page shows it, with its story's headline.</summary>
public sealed record QueueEntryItem(ModerationEntry Entry, string Headline);
