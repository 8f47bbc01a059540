using System.Net;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Apis;

/// <summary>
/// A request whose grain does not answer in time (here: storage hangs while the grain loads) is answered 503 with
/// Retry-After: problem details for a script, the busy page for a person; not an unexplained 500. Once storage answers,
/// the same requests are answered as ever.
/// </summary>
public sealed class BusyAnswersTests
{
    [Fact]
    public async Task WhileStorageHangs_AScriptGetsProblemDetailsAndAPageTheBusyPage_Both503WithRetryAfter()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Cluster__ResponseTimeout"] = "00:00:03",
        });
        using var http = server.CreateClient();
        // Stories never asked for: their grains load from storage on this first call.
        var (forScript, forPage) = (SharedNewsroom.UniqueName("busy-api"), SharedNewsroom.UniqueName("busy-page"));
        // Everything the server needs besides (the key ring, its tables) is warm before storage hangs.
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/articles/{SharedNewsroom.UniqueName("warm")}")).StatusCode);

        HttpResponseMessage script, page;
        await azurite.PauseAsync();
        try
        {
            script = await http.GetAsync($"/api/articles/{forScript}");
            page = await http.GetAsync($"/articles/{forPage}");
        }
        finally
        {
            await azurite.ResumeAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, script.StatusCode);
        Assert.Equal("5", script.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", script.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await script.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("Try again", 503), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.StartsWith("The newsroom did not answer in time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("5", page.Headers.GetValues("Retry-After").Single());
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>The newsroom is busy</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Reload the page in a few seconds.", html, StringComparison.Ordinal);

        // Storage answers again: so does the newsroom, with what it has (no such story).
        var after = await Eventually.Until(
            async () => (await http.GetAsync($"/api/articles/{forScript}")).StatusCode,
            status => status != HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(60),
            "the newsroom to answer once storage does");
        Assert.Equal(HttpStatusCode.NotFound, after);
    }
}
