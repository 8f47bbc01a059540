using System.Net;
using Newsroom.Server.Articles;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Articles;

public sealed class DemoNewsroomTests
{
    [Fact]
    public async Task Production_PublishesNoDemoStories_Development_PublishesThemOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var production = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        using (var http = production.CreateClient())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/articles/{DemoStories.FixtureSlug}")).StatusCode);
            Assert.Contains("No stories have been published yet", await http.GetStringAsync("/"));
        }

        await production.KillAsync();
        await using var development = await NewsroomServer.StartAsync(azurite);
        string firstPage;
        using (var http = development.CreateClient())
        {
            firstPage = await http.GetStringAsync($"/articles/{DemoStories.CorrectedSlug}");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/articles/{DemoStories.FixtureSlug}")).StatusCode);
        }

        // A second start finds the stories there and publishes nothing again: the corrected story keeps its one correction.
        await development.KillAsync();
        await development.RestartAsync();
        using (var http = development.CreateClient())
        {
            var (_, page) = await ReaderHtml.GetAsync(http, $"/articles/{DemoStories.CorrectedSlug}");
            Assert.Single(page.QuerySelectorAll(".revisions li"));
            Assert.Equal("2", page.QuerySelector("#story")?.GetAttribute("data-version"));
            Assert.Equal(
                new AngleSharp.Html.Parser.HtmlParser().ParseDocument(firstPage).QuerySelector(".story-head")?.OuterHtml,
                page.QuerySelector(".story-head")?.OuterHtml);
        }
    }
}
