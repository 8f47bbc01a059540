using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Newsroom.Core.Publishing;

/// <summary>
/// A story's Markdown body as the HTML readers get: CommonMark with autolinks and typographic quotes, raw HTML
/// shown as text (as the editor's preview does), headings placed under the page's own (never skipping a level),
/// then sanitized to an allow-list of tags, attributes and URL schemes, so nothing a writer types can run script.
/// </summary>
public static class StoryMarkdown
{
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSmartyPants()
        .Build();

    private static readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>
    /// Renders <paramref name="markdown"/>; body headings start one level below <paramref name="pageHeadingLevel"/>
    /// (the article's headline is an h1, so the body's first heading is an h2, whatever the Markdown says).
    /// </summary>
    public static string ToHtml(string markdown, int pageHeadingLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, _pipeline);
        var last = pageHeadingLevel;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    heading.Level = last = Math.Min(6, Math.Min(heading.Level + pageHeadingLevel, last + 1));
                    break;
                case LinkInline { IsImage: false } link when IsExternal(link.Url):
                    link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
                    break;
            }
        }

        return _sanitizer.Sanitize(document.ToHtml(_pipeline));
    }

    /// <summary>The plain text of the body, for descriptions, feeds and word counts.</summary>
    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown ?? "", _pipeline).Trim();

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "del", "code", "pre", "blockquote",
                "ul", "ol", "li", "hr", "br", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "rel", "src", "alt", "title", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        sanitizer.KeepChildNodes = true;
        return sanitizer;
    }
}
