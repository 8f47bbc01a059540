using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Core.Publishing;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Pages;

[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class DeskModel(IAuthorizationService authorization, StaffDirectory staff) : PageModel
{
    /// <summary>The whole newsroom's desk; section desks come with sections.</summary>
    public string DeskName => "newsroom";

    public string DisplayName => User.FindFirstValue(ClaimTypes.Name) ?? "";

    /// <summary>The signed-in user's name, for "Assigned to me" (summaries name the assignee by user name).</summary>
    public string UserName => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public IEnumerable<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value);

    /// <summary>Moderators read drafts but may not create them: the page does not offer what would be refused.</summary>
    public bool CanCreateDrafts { get; private set; }

    /// <summary>Whether the Archived view offers Restore: the Core's workflow rule for this person's roles.</summary>
    public bool CanRestore => EditorialWorkflow.AllowedSteps(DraftStatus.Archived, [.. Roles]).Contains(WorkflowStep.Restore);

    /// <summary>User name to display name of every staff account, so the list says who a draft is assigned to.</summary>
    public string StaffNames => JsonSerializer.Serialize(staff.Accounts.ToDictionary(a => a.UserName, a => a.DisplayName));

    public async Task OnGetAsync() =>
        CanCreateDrafts = (await authorization.AuthorizeAsync(User, NewsroomPolicies.EditDrafts)).Succeeded;
}
