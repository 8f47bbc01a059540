using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Server.Articles;
using Newsroom.Server.Extensions;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Articles;

/// <summary>
/// A published story. Unknown slugs get a 404 page; a withdrawn story gets 410 Gone with the editor's note and
/// none of the text, so search engines drop it while a reader following an old link learns what happened.
/// </summary>
[ReaderPage]
[OutputCache(PolicyName = PublishedPages.Policy)]
public sealed class ArticleModel(IGrainFactory grains) : PageModel
{
    public const int RelatedCount = 4;

    // The default encoder also escapes '<', '>' and '&', so "</script>" in a headline stays inside the JSON-LD block.
    private static readonly JsonSerializerOptions _jsonLd = new() { Encoder = JavaScriptEncoder.Default };

    public ArticleView? Article { get; private set; }

    public IReadOnlyList<StorySummary> Related { get; private set; } = [];

    /// <summary>The first page of comments, as any reader sees it (the page is kept for everyone, so no one's own).</summary>
    public CommentsSection? Comments { get; private set; }

    public string CanonicalUrl => ReaderText.Absolute(Request, ReaderText.ArticlePath(Article!.Slug));

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        Article = ReaderText.IsPossibleSlug(slug) ? await grains.GetGrain<IArticleGrain>(slug).Get() : null;
        if (Article is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Article.IsWithdrawn)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }
        else
        {
            var thread = grains.GetGrain<ICommentThreadGrain>(slug);
            var comments = thread.GetPage(new CommentPageQuery());
            var settings = thread.GetSettings();
            var related = await grains.GetGrain<IStoryIndexGrain>(IStoryIndexGrain.Newsroom).Related(slug, RelatedCount);
            Related = [.. related.Where(s => s.Slug != slug).OrderByDescending(s => s.PublishedAt)];
            Comments = new CommentsSection(await comments, (await settings).EditWindow, StoryFollowOffer.Of(Article.Current.Content));
        }

        return Page();
    }

    /// <summary>The story as schema.org <c>NewsArticle</c>, JSON-encoded for a <c>&lt;script type="application/ld+json"&gt;</c> block.</summary>
    public string JsonLd() => JsonLd(Article!, CanonicalUrl);

    public static string JsonLd(ArticleView article, string canonicalUrl)
    {
        var content = article.Current.Content;
        return JsonSerializer.Serialize(
            new Dictionary<string, object>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "NewsArticle",
                ["headline"] = content.Headline,
                ["description"] = content.Standfirst,
                ["datePublished"] = ReaderText.Machine(article.FirstPublishedAt),
                ["dateModified"] = ReaderText.Machine(article.Current.PublishedAt),
                ["author"] = new Dictionary<string, string> { ["@type"] = "Person", ["name"] = content.Byline },
                ["articleSection"] = content.Section,
                ["keywords"] = content.Tags,
                ["mainEntityOfPage"] = canonicalUrl,
            },
            _jsonLd);
    }
}
