using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Pages.Drafts;

/// <summary>
/// The co-editing page of one draft. The page is a shell: the script opens the draft over the staff hub,
/// which is where access to it and its existence are checked, and shows what the hub says.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class EditorModel(IAuthorizationService authorization) : PageModel
{
    public string Id { get; private set; } = "";

    /// <summary>Moderators read drafts; the hub refuses their edits, so the page does not offer them.</summary>
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGet(string id)
    {
        if (!DraftId.IsWellFormed(id))
        {
            return NotFound();
        }

        Id = id;
        CanEdit = (await authorization.AuthorizeAsync(User, NewsroomPolicies.EditDrafts)).Succeeded;
        return Page();
    }
}
