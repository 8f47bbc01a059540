using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Apis;

public sealed class DiagnosticsApiTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task MemoryAfterAFullCollection_IsForAdminsOnly()
    {
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        using var rosa = await newsroom.Server.SignInAsync("rosa", "rosa-demo");
        using var reader = newsroom.Server.CreateClient();

        var memory = await ada.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/memory");
        var reporter = await rosa.Http.GetAsync("/api/diagnostics/memory");
        var anonymous = await reader.GetAsync("/api/diagnostics/memory");

        Assert.InRange(memory.GetProperty("managedBytes").GetInt64(), 1L << 20, 1L << 40);
        Assert.True(memory.GetProperty("residentBytes").GetInt64() > memory.GetProperty("managedBytes").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task CollectionsSoFar_CountTheFullCollectionsAndTheirPauses_ForAdminsOnly()
    {
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        using var rosa = await newsroom.Server.SignInAsync("rosa", "rosa-demo");

        var before = await ada.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/collections");
        // Reading the memory collects twice, fully.
        await ada.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/memory");
        var after = await ada.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/collections");
        var reporter = await rosa.Http.GetAsync("/api/diagnostics/collections");

        Assert.True(after.GetProperty("gen2").GetInt32() >= before.GetProperty("gen2").GetInt32() + 2);
        Assert.True(after.GetProperty("pausedMs").GetDouble() > before.GetProperty("pausedMs").GetDouble());
        Assert.True(after.GetProperty("allocatedBytes").GetInt64() > before.GetProperty("allocatedBytes").GetInt64());
        Assert.True(before.GetProperty("gen0").GetInt32() >= 0 && before.GetProperty("gen1").GetInt32() >= 0);
        Assert.Equal(HttpStatusCode.Forbidden, reporter.StatusCode);
    }

    [Fact]
    public async Task KestrelTakesItsSocketBuffersFromTheNewsroomPool_WhichKeepsAtMostTheSetNumberFree()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Transport__PooledBlocks"] = "2",
        });
        using var ada = await server.SignInAsync("ada", "ada-demo");

        // Twenty connections at once each take buffers, and give them back when answered.
        var clients = Enumerable.Range(0, 20).Select(_ => server.CreateClient()).ToList();
        var pages = await Task.WhenAll(clients.Select(c => c.GetStringAsync("/")));
        clients.ForEach(c => c.Dispose());
        var memory = await ada.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/memory");

        Assert.All(pages, page => Assert.Contains("<html", page, StringComparison.Ordinal));
        // Had Kestrel kept its own pool, this one would hold nothing.
        Assert.InRange(memory.GetProperty("pooledTransportBytes").GetInt64(), 4096, 2 * 4096);
    }
}
