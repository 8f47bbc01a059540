using AngleSharp.Html.Parser;
using Newsroom.Core.Publishing;
using Xunit;

namespace Newsroom.Core.Tests.Publishing;

public sealed class StoryMarkdownTests
{
    [Fact]
    public void Paragraphs_AndAReadAlsoLink_RenderAsHtml()
    {
        var html = StoryMarkdown.ToHtml("Astana votes today.\n\nRead also: [Russia, West fight for Kazakhstan](/articles/russia-west-fight-for-kazakhstan)");

        Assert.Equal(
            "<p>Astana votes today.</p>\n<p>Read also: <a href=\"/articles/russia-west-fight-for-kazakhstan\">Russia, West fight for Kazakhstan</a></p>\n",
            html);
    }

    [Fact]
    public void BodyHeadings_GoBelowThePagesHeadline_AndNeverSkipALevel()
    {
        var html = StoryMarkdown.ToHtml("# Background\n\n#### Detail\n\n## Reaction");

        Assert.Contains("<h2>Background</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Detail</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Reaction</h3>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalLinks_DoNotHandTheReadersTabToTheOtherSite()
    {
        var html = StoryMarkdown.ToHtml("See [the commission](https://example.org/results).");

        Assert.Contains("<a href=\"https://example.org/results\" rel=\"noopener noreferrer\">the commission</a>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox(1))")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[x](https://example.org \"a\\\" onmouseover=\\\"alert(1)\")")]
    public void WhatAWriterTypesAsMarkup_NeverBecomesScript_WithOrWithoutTextRuns(string markdown)
    {
        foreach (var html in new[] { StoryMarkdown.ToHtml(markdown), StoryMarkdown.ToReaderHtml(markdown) })
        {
            NoScriptIn(html);
        }
    }

    [Theory]
    [InlineData("Prime Minister *Olzhas Bektenov* said the **vote** was [free](https://example.org/a)", "Prime Minister Olzhas Bektenov said the vote was free")]
    [InlineData("a \"multi-vector\" policy -- so far", "a \u201cmulti-vector\u201d policy \u2013 so far")]
    [InlineData("Bektenov* said 3 < 4 &amp; 5", "Bektenov* said 3 < 4 & 5")]
    [InlineData("end of one.\n\n## A heading", "end of one.\nA heading")]
    public void AQuotedPassage_IsShownAsItsText_WithoutTheMarkdownsMarks(string quote, string shown)
    {
        Assert.Equal(shown, StoryMarkdown.QuoteText(quote));
    }

    private static void NoScriptIn(string html)
    {
        // Read as a browser would: escaped text is harmless, so look at the elements and attributes it makes.
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        var elements = body.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "object" or "embed" or "style");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.All(
            elements.SelectMany(e => e.Attributes).Where(a => a.Name is "href" or "src"),
            a => Assert.Matches("^(https?:|mailto:|/|#|[^:]*$)", a.Value.Trim()));
    }

    [Fact]
    public void PlainText_DropsTheMarkup()
    {
        Assert.Equal("Polls close at 8pm in Astana.", StoryMarkdown.ToPlainText("Polls close at **8pm** in [Astana](/a)."));
    }
}
