using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Grains.Articles;
using Newsroom.Server.Articles;
using Newsroom.Server.Extensions;
using Newsroom.Server.Pages.Articles;

namespace Newsroom.Server.Pages.Sections;

/// <summary>A section's stories, newest first; a section with no live stories is not found.</summary>
[ReaderPage]
[OutputCache(PolicyName = PublishedPages.Policy)]
public sealed class SectionModel(IGrainFactory grains) : PageModel
{
    public StoryListing? Listing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string section, [FromQuery] string? page)
    {
        // Only the URL spelling of a section is its address: "/sections/World" is not "/sections/world".
        Listing = StorySections.Slug(section) == section
            ? await StoryListing.LoadAsync(grains, ReaderText.SectionPath(section), section, page)
            : null;
        if (Listing is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
