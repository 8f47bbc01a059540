using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
}
