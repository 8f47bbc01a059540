using System.Net;
using System.Xml.Linq;
using Newsroom.Server.Articles;

namespace Newsroom.Server.Tests.Articles;

public sealed class FeedTests(SharedNewsroom newsroom)
{
    private static readonly XNamespace _atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace _sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Feed_IsAtom_ListingTheDemoStoriesWithPublishedAndUpdatedTimes()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await http.GetAsync("/feed.xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(_atom + "feed", feed.Name);
        var entries = feed.Elements(_atom + "entry").ToList();
        foreach (var story in DemoStories.All)
        {
            var entry = Assert.Single(entries, e => (string?)e.Element(_atom + "link")?.Attribute("href") == new Uri(newsroom.Server.BaseAddress, $"/articles/{story.Slug}").ToString());
            Assert.Equal(story.Content.Headline, (string?)entry.Element(_atom + "title"));
            Assert.Equal(story.Content.Standfirst, (string?)entry.Element(_atom + "summary"));
            Assert.True((DateTimeOffset)entry.Element(_atom + "published")! <= (DateTimeOffset)entry.Element(_atom + "updated")!);
        }

        Assert.Equal(entries.Max(e => (DateTimeOffset)e.Element(_atom + "updated")!), (DateTimeOffset)feed.Element(_atom + "updated")!);
    }

    [Fact]
    public async Task Sitemap_ListsEveryDemoStoryWithItsLastModification()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await http.GetAsync("/sitemap.xml");
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(_sitemap + "urlset", sitemap.Name);
        var urls = sitemap.Elements(_sitemap + "url").ToDictionary(u => (string)u.Element(_sitemap + "loc")!, u => (DateTimeOffset)u.Element(_sitemap + "lastmod")!);
        foreach (var story in DemoStories.All)
        {
            Assert.True(urls.ContainsKey(new Uri(newsroom.Server.BaseAddress, $"/articles/{story.Slug}").ToString()), story.Slug);
        }
    }
}
