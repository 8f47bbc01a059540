using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Storage;

public sealed class GrainStatePersistenceTests
{
    [Fact]
    public async Task DeskBulletins_SurviveAKilledAndRestartedServer()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite);
        var desk = SharedNewsroom.UniqueName("restart");
        using (var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password))
        {
            for (var i = 1; i <= 3; i++)
            {
                var posted = await rosa.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text = $"Bulletin {i}" });
                Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            }
        }

        await server.KillAsync();
        await server.RestartAsync();

        using var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var snapshot = await eddie.Http.GetFromJsonAsync<JsonElement>($"/api/desks/{desk}/bulletins");
        Assert.Equal(3, snapshot.GetProperty("version").GetInt64());
        Assert.Equal(
            ["Bulletin 1", "Bulletin 2", "Bulletin 3"],
            snapshot.GetProperty("bulletins").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task TheDesksDraftList_SurvivesAKilledAndRestartedServer()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var first = await rosa.CreateDraftAsync("Ferry strike enters second day");
        var second = await rosa.CreateDraftAsync("Council approves budget");

        await server.KillAsync();
        await server.RestartAsync();

        var listed = (await rosa.Http.GetFromJsonAsync<JsonElement>("/api/drafts")).GetProperty("drafts").EnumerateArray()
            .ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("headline").GetString());
        Assert.Equal("Ferry strike enters second day", listed[first]);
        Assert.Equal("Council approves budget", listed[second]);
    }

    [Fact]
    public async Task StaffCookie_IssuedBeforeARestart_IsStillAccepted()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        await server.KillAsync();
        await server.RestartAsync();
        var desk = await rosa.Http.GetAsync("/desk");

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
    }
}
