using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
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

    // The same rendering, with exact source positions on every inline, for the reader page's text runs.
    private static readonly MarkdownPipeline _runsPipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSmartyPants()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private static readonly HtmlSanitizer _runsSanitizer = CreateSanitizer(runs: true);

    /// <summary>
    /// Renders <paramref name="markdown"/>; body headings start one level below <paramref name="pageHeadingLevel"/>
    /// (the article's headline is an h1, so the body's first heading is an h2, whatever the Markdown says).
    /// </summary>
    public static string ToHtml(string markdown, int pageHeadingLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return _sanitizer.Sanitize(Parse(markdown, pageHeadingLevel, _pipeline).ToHtml(_pipeline));
    }

    /// <summary>
    /// What <see cref="ToHtml"/> shows, with every piece of text in a run that says where it is in
    /// <paramref name="markdown"/> (<see cref="StoryTextRuns"/>), so the article page can turn a reader's
    /// selection into offsets in the body for inline comments, and mark the passages that have some.
    /// </summary>
    public static string ToReaderHtml(string markdown, int pageHeadingLevel = 1)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Parse(markdown, pageHeadingLevel, _runsPipeline);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _runsPipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new StoryTextRuns(markdown));
        renderer.Render(document);
        writer.Flush();
        return _runsSanitizer.Sanitize(writer.ToString());
    }

    private static MarkdownDocument Parse(string markdown, int pageHeadingLevel, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
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

        return document;
    }

    /// <summary>
    /// A passage of the body as a reader saw it on the page (an inline comment's quote is the Markdown, marks and
    /// addresses included): its text only, typographic quotes and all, for showing above the comment.
    /// </summary>
    public static string QuoteText(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        // Plain text keeps SmartyPants' entities as they are written; the rest is already text.
        var text = System.Net.WebUtility.HtmlDecode(Markdown.ToPlainText(quote, _pipeline)).Trim();
        return text.Length > 0 ? text : quote.Trim();
    }

    /// <summary>The plain text of the body, for descriptions, feeds and word counts.</summary>
    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown ?? "", _pipeline).Trim();

    private static bool IsExternal(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static HtmlSanitizer CreateSanitizer(bool runs = false)
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
        if (runs)
        {
            // Only the text runs' own attributes: Markdown with raw HTML turned off cannot produce a span itself.
            sanitizer.AllowedTags.Add("span");
            sanitizer.AllowedAttributes.UnionWith(["data-s", "data-g", "data-src"]);
        }

        return sanitizer;
    }
}
