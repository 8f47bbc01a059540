using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Auth;
using Newsroom.Server.Drafts;

namespace Newsroom.Server.Pages.Drafts;

/// <summary>
/// The co-editing page of one draft. The page is a shell: the script opens the draft over the staff hub,
/// which is where access to it is checked, and shows what the hub says. A draft that does not exist gets
/// the site's "Not found" page instead of an editor stuck loading.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class EditorModel(IAuthorizationService authorization, IGrainFactory grains, StaffDirectory staff) : PageModel
{
    public string Id { get; private set; } = "";

    /// <summary>Moderators read drafts; the hub refuses their edits, so the page does not offer them.</summary>
    public bool CanEdit { get; private set; }

    /// <summary>
    /// For each status, the workflow steps this person may take from it, as JSON (<c>{"in-review":["send-back",…]}</c>).
    /// Worked out here by the Core's own rules, so the page offers exactly what the grain will accept and no second
    /// copy of the rules lives in the script; the status itself arrives live.
    /// </summary>
    public string StepsByStatus { get; private set; } = "{}";

    /// <summary>Whom a draft can be assigned to: every staff account, by display name.</summary>
    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!DraftId.IsWellFormed(id) || !await grains.GetGrain<IDraftGrain>(id).Exists())
        {
            return NotFound();
        }

        Id = id;
        CanEdit = (await authorization.AuthorizeAsync(User, NewsroomPolicies.EditDrafts)).Succeeded;
        string[] roles = [.. User.FindAll(ClaimTypes.Role).Select(c => c.Value)];
        StepsByStatus = JsonSerializer.Serialize(Enum.GetValues<DraftStatus>().ToDictionary(
            WorkflowArguments.Name,
            status => EditorialWorkflow.AllowedSteps(status, roles).Select(WorkflowArguments.Name).ToArray()));
        Staff = [.. staff.Accounts.OrderBy(a => a.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
        return Page();
    }
}
