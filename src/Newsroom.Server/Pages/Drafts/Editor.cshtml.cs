using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Pages.Drafts;

/// <summary>
/// The co-editing page of one draft. The page is a shell: the script opens the draft over the staff hub,
/// which is where access to it is checked, and shows what the hub says. A draft that does not exist gets
/// the site's "Not found" page instead of an editor stuck loading.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class EditorModel(IAuthorizationService authorization, IGrainFactory grains) : PageModel
{
    public string Id { get; private set; } = "";

    /// <summary>Moderators read drafts; the hub refuses their edits, so the page does not offer them.</summary>
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!DraftId.IsWellFormed(id) || !await grains.GetGrain<IDraftGrain>(id).Exists())
        {
            return NotFound();
        }

        Id = id;
        CanEdit = (await authorization.AuthorizeAsync(User, NewsroomPolicies.EditDrafts)).Succeeded;
        return Page();
    }
}
