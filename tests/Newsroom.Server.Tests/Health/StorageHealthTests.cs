using System.Net;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Health;

public sealed class StorageHealthTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Ready_IsUnhealthyWhileStorageIsDown_AndHealthyOnceItIsBack()
    {
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        await using var server = await NewsroomServer.StartAsync(azurite);
        using var http = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await azurite.StopAsync();
        var down = await Eventually.Until(() => Status(http, "/health/ready"), s => s != HttpStatusCode.OK, _wait, "/health/ready to fail");
        var liveWhileDown = await Status(http, "/health/live");

        await azurite.RestartAsync();
        var back = await Eventually.Until(() => Status(http, "/health/ready"), s => s == HttpStatusCode.OK, _wait, "/health/ready to recover");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown);
        Assert.Equal(HttpStatusCode.OK, back);
    }

    [Fact]
    public async Task Ready_IsUnhealthyWhileTheNotificationsOwnAccountIsDown_AndHealthyOnceItIsBack()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var notifications = await Azurite.StartAsync(inMemory: false);
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["ConnectionStrings__NotificationStorage"] = notifications.ConnectionString,
        });
        using var http = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await notifications.StopAsync();
        var down = await Eventually.Until(() => Status(http, "/health/ready"), s => s != HttpStatusCode.OK, _wait, "/health/ready to fail");

        await notifications.RestartAsync();
        var back = await Eventually.Until(() => Status(http, "/health/ready"), s => s == HttpStatusCode.OK, _wait, "/health/ready to recover");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal(HttpStatusCode.OK, back);
    }

    private static async Task<HttpStatusCode> Status(HttpClient http, string path) => (await http.GetAsync(path)).StatusCode;
}
