using System.Net;
using System.Text.Json;
using Newsroom.Server.Articles;

namespace Newsroom.Server.Tests.Articles;

public sealed class ArticlePageTests(SharedNewsroom newsroom)
{
    private static readonly string _fixturePath = $"/articles/{DemoStories.FixtureSlug}";

    [Fact]
    public async Task FixtureStory_IsRenderedByTheServer_WithHeadlineParagraphsAndReadAlsoLink()
    {
        using var http = newsroom.Server.CreateClient();
        var story = DemoStories.All.Single(s => s.Slug == DemoStories.FixtureSlug).Content;

        var (response, page) = await ReaderHtml.GetAsync(http, _fixturePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(story.Headline, ReaderHtml.Text(page.QuerySelector("article h1")));
        Assert.Equal(story.Standfirst, ReaderHtml.Text(page.QuerySelector("article .standfirst")));
        Assert.Contains(DemoStories.Byline, ReaderHtml.Text(page.QuerySelector("article .byline")));
        var paragraphs = page.QuerySelectorAll("#story-body p").Select(ReaderHtml.Text).ToList();
        Assert.Equal(6, paragraphs.Count);
        Assert.StartsWith("Vladimir Putin met Nursultan Nazarbayev", paragraphs[0]);
        Assert.Equal("After the January unrest", ReaderHtml.Text(page.QuerySelector("#story-body h2")));
        var readAlso = page.QuerySelector("#story-body p:last-child a");
        Assert.Equal($"/articles/{DemoStories.ReadAlsoSlug}", readAlso?.GetAttribute("href"));
        Assert.StartsWith("Read also:", paragraphs[^1]);
        Assert.NotNull(page.QuerySelector("time[datetime]"));
    }

    [Fact]
    public async Task FixtureStory_HasTitleDescriptionCanonicalAndSharingTags()
    {
        using var http = newsroom.Server.CreateClient();
        var story = DemoStories.All.Single(s => s.Slug == DemoStories.FixtureSlug).Content;

        var (_, page) = await ReaderHtml.GetAsync(http, _fixturePath);

        Assert.StartsWith(story.Headline, page.Title);
        Assert.Equal(story.Standfirst, page.QuerySelector("meta[name=description]")?.GetAttribute("content"));
        Assert.Equal(new Uri(newsroom.Server.BaseAddress, _fixturePath).ToString(), page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal(story.Headline, page.QuerySelector("meta[property='og:title']")?.GetAttribute("content"));
        Assert.Equal("article", page.QuerySelector("meta[property='og:type']")?.GetAttribute("content"));
        Assert.Equal(story.Standfirst, page.QuerySelector("meta[name='twitter:description']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task FixtureStory_JsonLd_ParsesAndNamesTheStory()
    {
        using var http = newsroom.Server.CreateClient();
        var story = DemoStories.All.Single(s => s.Slug == DemoStories.FixtureSlug).Content;

        var (_, page) = await ReaderHtml.GetAsync(http, _fixturePath);

        var block = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(block.TextContent);
        var root = json.RootElement;
        Assert.Equal("NewsArticle", root.GetProperty("@type").GetString());
        Assert.Equal(story.Headline, root.GetProperty("headline").GetString());
        Assert.Equal(story.Section, root.GetProperty("articleSection").GetString());
        Assert.Equal(DemoStories.Byline, root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(story.Tags, root.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.True(root.GetProperty("datePublished").GetDateTimeOffset() <= root.GetProperty("dateModified").GetDateTimeOffset());
    }

    [Fact]
    public async Task FixtureStory_YouMightAlsoLike_ListsRelatedStoriesButNeverItself()
    {
        using var http = newsroom.Server.CreateClient();

        var (_, page) = await ReaderHtml.GetAsync(http, _fixturePath);

        var related = page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/articles/{DemoStories.ReadAlsoSlug}", related);
        Assert.DoesNotContain(_fixturePath, related);
    }

    [Fact]
    public async Task CorrectedStory_ShowsTheCorrectedTextAndTheCorrectionWithItsNote()
    {
        using var http = newsroom.Server.CreateClient();
        var correction = DemoStories.All.Single(s => s.Slug == DemoStories.CorrectedSlug).Correction!;

        var (_, page) = await ReaderHtml.GetAsync(http, $"/articles/{DemoStories.CorrectedSlug}");

        Assert.Contains("29 to 10", ReaderHtml.Text(page.QuerySelector("#story-body")));
        Assert.DoesNotContain("31 to 8", ReaderHtml.Text(page.QuerySelector("#story-body")));
        var revision = Assert.Single(page.QuerySelectorAll(".revisions li"));
        Assert.Contains("Correction", ReaderHtml.Text(revision));
        Assert.Contains("gave the result of the vote as 31 to 8", ReaderHtml.Text(revision));
        Assert.NotNull(revision.QuerySelector("time[datetime]"));
        Assert.Equal(2, page.QuerySelectorAll(".story-head time[datetime]").Length);
    }

    [Fact]
    public async Task StoryBody_Fragment_IsTheStoryAsThePageRendersIt()
    {
        using var http = newsroom.Server.CreateClient();

        var (pageResponse, page) = await ReaderHtml.GetAsync(http, $"/articles/{DemoStories.CorrectedSlug}");
        var (response, fragment) = await ReaderHtml.GetAsync(http, $"/articles/{DemoStories.CorrectedSlug}/body");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2", fragment.QuerySelector("#story")?.GetAttribute("data-version"));
        Assert.Equal(page.QuerySelector("#story")?.OuterHtml, fragment.QuerySelector("#story")?.OuterHtml);
        Assert.Null(fragment.QuerySelector("header.masthead"));
        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
    }

    [Theory]
    [InlineData("/articles/no-such-story")]
    [InlineData("/articles/%3Cscript%3E")]
    public async Task UnknownSlug_Gets404_InTheLayout_LinkingToTheFrontPage(string path)
    {
        using var http = newsroom.Server.CreateClient();

        var (response, page) = await ReaderHtml.GetAsync(http, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("header.masthead"));
        Assert.Equal("Story not found", ReaderHtml.Text(page.QuerySelector("main h1")));
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task UnknownSlug_Body_Gets404()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await http.GetAsync("/articles/no-such-story/body");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ArticlePage_IsSentWithSecurityHeaders_ScriptsOnlyFromJs()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await http.GetAsync(_fixturePath);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains($"script-src {newsroom.Server.BaseAddress}js/;", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}

public sealed class ArticleJsonLdTests
{
    [Fact]
    public void JsonLd_HeadlineWithClosingScriptTag_CannotLeaveTheBlock()
    {
        var content = new Newsroom.Grains.Articles.ArticleContent(
            "Breaking </script><script>alert(1)</script>", "A <b>standfirst</b> & more", "Body", "World", ["<tag>"], "A </SCRIPT> byline");
        var at = DateTimeOffset.Parse("2026-11-30T14:32:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var version = new Newsroom.Grains.Articles.ArticleVersion(1, content, "d", 0, at, "eddie", Newsroom.Grains.Articles.ArticleChangeKind.First, "", null);
        var view = new Newsroom.Grains.Articles.ArticleView("s", version, [new(1, at, Newsroom.Grains.Articles.ArticleChangeKind.First, "")], at, null, 1);

        var json = Newsroom.Server.Pages.Articles.ArticleModel.JsonLd(view, "http://example.test/articles/s");

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(content.Headline, parsed.RootElement.GetProperty("headline").GetString());
        Assert.Equal(content.Byline, parsed.RootElement.GetProperty("author").GetProperty("name").GetString());
    }
}
