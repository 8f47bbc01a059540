using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

[Collection(ThreeSiloNewsroom.Collection)]
public sealed class ClusterRelayTests(ThreeSiloNewsroom newsroom)
{
    [Fact]
    public async Task SilosWithAzureTableClustering_FormOneCluster_AndRelayEachOthersEvents()
    {
        var (first, second) = (newsroom[0], newsroom[1]);
        var desk = SharedNewsroom.UniqueName("cluster");
        using var rosa = await second.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await first.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var events = Channel.CreateUnbounded<JsonElement>();
        await using var connection = rosa.Connect();
        connection.OnEvents(e => events.Writer.TryWrite(e));
        await connection.StartAsync();
        await connection.InvokeAsync("Join", $"desk:{desk}");

        // Whichever silo hosts the desk grain, the post enters through the first and the listener is on the second.
        var posted = await eddie.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text = "Results from the east" });
        var received = await events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        var fromSecond = await rosa.Http.GetFromJsonAsync<JsonElement>($"/api/desks/{desk}/bulletins");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("Results from the east", received.GetProperty("event").GetProperty("bulletin").GetProperty("text").GetString());
        Assert.Equal(1, fromSecond.GetProperty("version").GetInt64());
    }
}
