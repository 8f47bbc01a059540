using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Grains.Articles;
using Newsroom.Server.Extensions;

namespace Newsroom.Server.Pages.Articles;

/// <summary>
/// The story's text alone, rendered as on the article page, for the page's script to swap in after an update
/// (the browser never renders Markdown itself, so it cannot differ from what the server shows). Not for search engines.
/// </summary>
[ReaderPage]
public sealed class StoryBodyModel(IGrainFactory grains) : PageModel
{
    public ArticleView? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        Article = ReaderText.IsPossibleSlug(slug) ? await grains.GetGrain<IArticleGrain>(slug).Get() : null;
        if (Article is null)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers.CacheControl = "no-cache";
        return Page();
    }
}
