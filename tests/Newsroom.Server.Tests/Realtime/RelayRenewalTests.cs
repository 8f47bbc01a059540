using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Realtime;

public sealed class RelayRenewalTests
{
    private static readonly TimeSpan _expiry = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Listener_KeepsReceivingEvents_LongAfterItsSubscriptionWouldHaveExpired()
    {
        // Subscriptions expire after 3 s here; the relay renews every 200 ms, a margin wide enough for a
        // renewal delayed by a loaded CI machine. Without renewal, the grain would drop this silo's relay at
        // its first publish after three seconds and events would stop.
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Channels__SubscriptionExpiry"] = "00:00:03",
            ["Newsroom__Relay__RenewInterval"] = "00:00:00.200",
        });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var desk = SharedNewsroom.UniqueName("renew");
        var events = Channel.CreateUnbounded<JsonElement>();
        await using var connection = rosa.Connect();
        connection.OnEvents(e => events.Writer.TryWrite(e));
        await connection.StartAsync();
        await connection.InvokeAsync("Join", $"desk:{desk}");

        // Post and receive, one after another, until three expiry periods have passed since joining.
        var clock = Stopwatch.StartNew();
        var received = 0;
        while (clock.Elapsed < 3 * _expiry || received < 2)
        {
            var posted = await rosa.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text = $"Tick {received + 1}" });
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            var next = await events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(received + 1, next.GetProperty("version").GetInt64());
            received++;
        }

        Assert.True(clock.Elapsed >= 3 * _expiry);
    }
}
