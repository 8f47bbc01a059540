using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Health;

/// <summary>
/// A fresh process reports ready only after its warm-up has run a draft's load path; the warm-up retries
/// instead of giving up at once, and stores nothing a newsroom would see.
/// </summary>
public sealed class StartupWarmupTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Ready_WaitsForTheWarmup_WhichRetriesUntilItSucceeds()
    {
        await using var azurite = await Azurite.StartAsync();

        // An unreadable snapshot pointer under the reserved id makes every warm-up try fail, as a storage
        // error would, while the storage check itself stays healthy.
        var snapshots = new BlobContainerClient(azurite.ConnectionString, "draft-snapshots");
        await snapshots.CreateIfNotExistsAsync();
        var pointer = snapshots.GetBlobClient("warm-up/latest.json");
        await pointer.UploadAsync(BinaryData.FromString("not a pointer"));
        await using var server = NewsroomServer.Create(azurite.ConnectionString);
        await server.RestartAsync(untilReady: false);
        using var http = server.CreateClient();

        var warming = await Eventually.Until(() => Ready(http), r => r.Checks["storage"].StartsWith("Healthy", StringComparison.Ordinal), _wait, "the storage check to pass");

        await pointer.DeleteAsync();
        var ready = await Eventually.Until(() => Ready(http), r => r.Status == HttpStatusCode.OK, _wait, "/health/ready once the warm-up can run");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, warming.Status);
        Assert.Equal("Unhealthy: Warming up.", warming.Checks["warm-up"]);
        Assert.Equal("Healthy: Warmed up.", ready.Checks["warm-up"]);
    }

    [Fact]
    public async Task Warmup_LeavesNoDraftOnTheDesk()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite);
        using var session = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        using var http = server.CreateClient();

        var ready = await Ready(http);
        var drafts = await session.Http.GetStringAsync("/api/drafts");

        Assert.Equal("Healthy: Warmed up.", ready.Checks["warm-up"]);
        Assert.DoesNotContain("warm-up", drafts, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(drafts).RootElement.TryGetProperty("drafts", out _), drafts);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Checks)> Ready(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => $"{c.Value.GetProperty("status").GetString()}: {c.Value.GetProperty("Description").GetString()}");
        return (response.StatusCode, checks);
    }
}
