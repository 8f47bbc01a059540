using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Newsroom.Core.Publishing;
using Newsroom.Server.Articles;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Articles;

/// <summary>
/// The article page's text runs (<see cref="StoryMarkdown.ToReaderHtml"/>): every piece of text the reader sees says
/// where it is in the story's Markdown, exactly, so a selection becomes offsets in the body that the thread accepts.
/// </summary>
public sealed class StoryTextRunsTests
{
    public static TheoryData<string, string> Bodies()
    {
        var data = new TheoryData<string, string>();
        foreach (var story in DemoStories.All)
        {
            data.Add(story.Slug, story.Content.Body);
            if (story.Correction is { } correction)
            {
                data.Add($"{story.Slug} corrected", correction.Body);
            }
        }

        foreach (var draft in DemoStories.OnTheDesk)
        {
            data.Add(draft.Slug, draft.Content.Body);
        }

        var fixture = File.ReadAllLines(Path.Combine(RepoPaths.Shared, "fixtures", "kazakhstan-article.txt"));
        data.Add("kazakhstan-article.txt", string.Join("\n", fixture[1..]));
        data.Add("emphasis and links", "Prime Minister *Olzhas Bektenov* said the **vote** was [free and fair](https://example.org/a \"the report\").\nTurnout:  61%.");
        data.Add("typographic", "It's \"multi-vector\" -- or so they say... 3 < 4 & 5 > 2 &amp; &copy; \\*not emphasis\\* `code * here` <https://example.org/x>");
        data.Add("blocks", "## Heading with *stress*\n\n> Quoted, with a [link](/articles/a).\n\n- one\n- two *three*\n\n1. first\n2. second\n\n```\ncode block\n```\n\n![a map](https://example.org/map.png) Caption after.\n\n---\n\nLast line  \nafter a hard break.");
        data.Add("unicode", "Zażółć 🇰🇿 flag and 😀 faces, Алматы and 阿拉木图.");
        return data;
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void EveryRun_IsTheBodysTextAtItsOffset_AndTheGapsBetweenThemComplete_TheSource(string name, string body)
    {
        var runs = Runs(body);

        Assert.True(runs.Count > 0, $"{name}: no text runs");
        var end = -1;
        foreach (var run in runs)
        {
            var start = int.Parse(run.GetAttribute("data-s")!, System.Globalization.CultureInfo.InvariantCulture);
            var typed = run.GetAttribute("data-src") ?? run.TextContent;
            Assert.Equal(body.Substring(start, typed.Length), typed);
            var gap = run.GetAttribute("data-g") ?? "";
            if (end >= 0)
            {
                Assert.Equal(body[end..start], gap);
            }
            else
            {
                Assert.Equal("", gap);
            }

            end = start + typed.Length;
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void TheRuns_ChangeNothingAReaderSees(string name, string body)
    {
        var parser = new HtmlParser();
        var plain = parser.ParseDocument($"<body>{StoryMarkdown.ToHtml(body)}</body>").Body!;
        var annotated = parser.ParseDocument($"<body>{StoryMarkdown.ToReaderHtml(body)}</body>").Body!;

        Assert.Equal(plain.TextContent, annotated.TextContent);
        foreach (var span in annotated.QuerySelectorAll("span").ToList())
        {
            span.ReplaceWith([.. span.ChildNodes]);
        }

        annotated.Normalize();
        Assert.True(plain.InnerHtml == annotated.InnerHtml, $"{name}: the HTML differs once the runs are taken out");
    }

    [Fact]
    public void ASentenceWithEmphasisAndALink_IsWholeTextRuns_AndItsMarksAreGaps()
    {
        const string body = "Prime Minister *Olzhas Bektenov* said the vote was [free and fair](https://example.org/a).";

        var runs = Runs(body);

        Assert.Equal(["Prime Minister ", "Olzhas Bektenov", " said the vote was ", "free and fair", "."], runs.Select(r => r.TextContent));
        Assert.Equal([null, "*", "*", "[", "](https://example.org/a)"], runs.Select(r => r.GetAttribute("data-g")));
        Assert.All(runs, r => Assert.Null(r.GetAttribute("data-src")));
    }

    [Fact]
    public void AQuoteMarkShownTypographically_IsARunOfItsOwn_WithTheTypedCharacter()
    {
        var runs = Runs("He said -- twice.");

        var dash = Assert.Single(runs, r => r.GetAttribute("data-src") is not null);
        Assert.Equal("\u2013", dash.TextContent);
        Assert.Equal("--", dash.GetAttribute("data-src"));
        Assert.Equal("8", dash.GetAttribute("data-s"));
    }

    [Fact]
    public void AWritersMarkup_StaysText_AndCannotForgeARun()
    {
        const string body = "<span data-s=\"0\" onclick=\"alert(1)\">x</span> [a](javascript:alert(1) \"t\")";

        var document = new HtmlParser().ParseDocument($"<body>{StoryMarkdown.ToReaderHtml(body)}</body>");

        Assert.Empty(document.QuerySelectorAll("[onclick], [href^='javascript' i]"));
        Assert.All(document.QuerySelectorAll("span"), s => Assert.Equal(["data-s"], s.Attributes.Select(a => a.Name).Where(n => n != "data-g" && n != "data-src")));
        Assert.StartsWith("<span data-s=", document.Body!.TextContent, StringComparison.Ordinal);
    }

    private static List<IElement> Runs(string body) =>
        [.. new HtmlParser().ParseDocument($"<body>{StoryMarkdown.ToReaderHtml(body)}</body>").QuerySelectorAll("[data-s]")];
}
