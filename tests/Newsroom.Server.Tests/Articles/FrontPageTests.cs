using System.Net;
using Newsroom.Server.Articles;

namespace Newsroom.Server.Tests.Articles;

public sealed class FrontPageTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task FrontPage_ListsTheDemoStoriesNewestFirst_WithStandfirstSectionAndTime()
    {
        using var http = newsroom.Server.CreateClient();

        var (response, page) = await ReaderHtml.GetAsync(http, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = page.QuerySelectorAll("#story-list > li").ToList();
        var slugs = items.Select(li => li.GetAttribute("data-slug")).ToList();
        Assert.Subset(slugs.ToHashSet(), DemoStories.All.Select(s => (string?)s.Slug).ToHashSet());
        // Published in list order: the last demo story is the newest.
        Assert.True(slugs.IndexOf(DemoStories.All[^1].Slug) < slugs.IndexOf(DemoStories.All[0].Slug));
        var times = items.Select(li => DateTimeOffset.Parse(li.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        var fixture = items.Single(li => li.GetAttribute("data-slug") == DemoStories.FixtureSlug);
        var story = DemoStories.All.Single(s => s.Slug == DemoStories.FixtureSlug).Content;
        Assert.Equal(story.Headline, ReaderHtml.Text(fixture.QuerySelector("a.story-link")));
        Assert.Equal($"/articles/{DemoStories.FixtureSlug}", fixture.QuerySelector("a.story-link")?.GetAttribute("href"));
        Assert.Equal(story.Standfirst, ReaderHtml.Text(fixture.QuerySelector(".standfirst")));
        Assert.Equal("/sections/world", fixture.QuerySelector(".meta a")?.GetAttribute("href"));
    }

    [Fact]
    public async Task SectionPage_ListsOnlyItsSection()
    {
        using var http = newsroom.Server.CreateClient();

        var (response, page) = await ReaderHtml.GetAsync(http, "/sections/city");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("City", ReaderHtml.Text(page.QuerySelector("main h1")));
        var slugs = page.QuerySelectorAll("#story-list > li").Select(li => li.GetAttribute("data-slug")).ToHashSet();
        var city = DemoStories.All.Where(s => s.Content.Section == "City").Select(s => (string?)s.Slug).ToHashSet();
        Assert.Equal(city, slugs);
        Assert.All(page.QuerySelectorAll("#story-list .meta a"), a => Assert.Equal("/sections/city", a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/sections/no-such-section")]
    [InlineData("/sections/World")]
    [InlineData("/?page=999")]
    [InlineData("/?page=0")]
    [InlineData("/?page=two")]
    [InlineData("/sections/world?page=999")]
    public async Task UnknownSectionOrPage_Gets404_InTheLayout(string path)
    {
        using var http = newsroom.Server.CreateClient();

        var (response, page) = await ReaderHtml.GetAsync(http, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(page.QuerySelector("header.masthead"));
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }

    [Fact]
    public async Task FrontPage_WithFewerThanAPageOfStories_HasNoPagerLinks()
    {
        using var http = newsroom.Server.CreateClient();

        var (_, page) = await ReaderHtml.GetAsync(http, "/");

        Assert.Empty(page.QuerySelectorAll("link[rel=next], link[rel=prev], a[rel=next], a[rel=prev]"));
        Assert.Equal("/feed.xml", page.QuerySelector("link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
    }
}
