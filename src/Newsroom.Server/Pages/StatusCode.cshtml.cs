using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Newsroom.Server.Pages;

/// <summary>
/// The page for an error status of any other page (re-executed by the status code pages middleware): the
/// original status stays; only the explanation is added, in the site's layout.
/// A failed form post is re-executed as a post too, hence no antiforgery check here.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public bool IsMissingDraft { get; private set; }

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        var originalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? "";
        if (originalPath.Length == 0)
        {
            // Asked for directly: nothing went wrong, but an error page should not answer 200.
            Response.StatusCode = StatusCodes.Status404NotFound;
            code = StatusCodes.Status404NotFound;
        }

        IsMissingDraft = code == StatusCodes.Status404NotFound && originalPath.StartsWith("/drafts/", StringComparison.Ordinal);
        (Title, Explanation) = code switch
        {
            _ when IsMissingDraft => ("Not found", "That draft does not exist. It may have been mistyped in the address."),
            StatusCodes.Status404NotFound => ("Not found", "There is no page at this address."),
            StatusCodes.Status400BadRequest => ("Bad request", "The newsroom could not understand that request. Go back, reload the page and try again."),
            StatusCodes.Status403Forbidden => ("Not allowed", "Your account may not do that."),
            StatusCodes.Status503ServiceUnavailable => ("The newsroom is busy", "It did not answer in time (a server restarting, or storage slow). Reload the page in a few seconds."),
            _ => ("Something went wrong", "The newsroom could not complete that request. Try again in a moment."),
        };
    }
}
