using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Server.Articles;
using Newsroom.Server.Extensions;

namespace Newsroom.Server.Pages;

[ReaderPage]
[OutputCache(PolicyName = PublishedPages.Policy)]
public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public StoryListing? Listing { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? page)
    {
        Listing = await StoryListing.LoadAsync(grains, "/", null, page);
        if (Listing is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
