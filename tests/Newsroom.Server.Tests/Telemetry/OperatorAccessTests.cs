using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Newsroom.Server.Tests.Telemetry;

/// <summary>Only admins see inside the cluster: the Orleans dashboard and the metrics (and a scraper with its token).</summary>
[Collection(OperatorsNewsroom.Collection)]
public sealed class OperatorAccessTests(OperatorsNewsroom newsroom)
{
    // The dashboard's page, and the data its script reads.
    private static readonly string[] _dashboard = ["/dashboard/", "/dashboard/DashboardCounters", "/dashboard/ClusterStats"];

    [Theory]
    [InlineData("rosa", "rosa-demo")]
    [InlineData("eddie", "eddie-demo")]
    [InlineData("mona", "mona-demo")]
    public async Task TheDashboard_IsRefusedToReportersEditorsAndModerators(string userName, string password)
    {
        using var staff = await newsroom.Server.SignInAsync(userName, password);

        foreach (var path in _dashboard)
        {
            var response = await staff.Http.GetAsync(path);

            // Sent to sign in as someone who may, as every page for admins does; nothing of the dashboard is sent.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.Empty(await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task TheDashboard_IsRefusedToAnonymousReaders_AndShownToAdmins()
    {
        using var reader = newsroom.Server.CreateClient();
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");

        foreach (var path in _dashboard)
        {
            var refused = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/signin", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var page = await ada.Http.GetStringAsync("/dashboard/");
        var counters = JsonSerializer.Deserialize<JsonElement>(await ada.Http.GetStringAsync("/dashboard/DashboardCounters"));

        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
        // This one silo, active, as the dashboard counts it.
        Assert.Equal(1, counters.GetProperty("totalActiveHostCount").GetInt32());
    }

    [Fact]
    public async Task Metrics_AreReadByAdminsAndByAScraperWithTheToken_AndRefusedToEveryoneElse()
    {
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        using var rosa = await newsroom.Server.SignInAsync("rosa", "rosa-demo");
        using var anonymous = newsroom.Server.CreateClient();
        using var wrongToken = newsroom.Server.CreateClient();
        wrongToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorsNewsroom.ScrapeToken + "x");
        using var scraper = newsroom.Server.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorsNewsroom.ScrapeToken);

        var byAdmin = await ada.Http.GetAsync("/metrics");
        var byScraper = await scraper.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byScraper.StatusCode);
        Assert.Equal("text/plain", byScraper.Content.Headers.ContentType?.MediaType);
        // Orleans' gauges are there from the silo's start (the newsroom's own appear once something is counted).
        Assert.Contains("orleans_catalog_activations", await byScraper.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await rosa.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongToken.GetAsync("/metrics")).StatusCode);
    }
}
