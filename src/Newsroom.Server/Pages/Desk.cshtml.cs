using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Pages;

[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class DeskModel(IAuthorizationService authorization) : PageModel
{
    /// <summary>The whole newsroom's desk; section desks come with sections.</summary>
    public string DeskName => "newsroom";

    public string DisplayName => User.FindFirstValue(ClaimTypes.Name) ?? "";

    public IEnumerable<string> Roles => User.FindAll(ClaimTypes.Role).Select(c => c.Value);

    /// <summary>Moderators read drafts but may not create them: the page does not offer what would be refused.</summary>
    public bool CanCreateDrafts { get; private set; }

    public async Task OnGetAsync() =>
        CanCreateDrafts = (await authorization.AuthorizeAsync(User, NewsroomPolicies.EditDrafts)).Succeeded;
}
