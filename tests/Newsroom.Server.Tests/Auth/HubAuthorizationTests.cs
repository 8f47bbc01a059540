using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Auth;

public sealed class HubAuthorizationTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task AnonymousConnection_ToTheStaffHub_IsRefused()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/staff"))
            .Build();

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task SignedInReporter_ConnectsToTheStaffHub_AndJoinsADesk()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var connection = rosa.Connect();

        await connection.StartAsync();
        await connection.InvokeAsync("Join", $"desk:{SharedNewsroom.UniqueName("auth")}");

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task StaffMember_MayNotListenToAnotherUsersChannel()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var connection = rosa.Connect();
        await connection.StartAsync();

        await connection.InvokeAsync("Join", "user:rosa");
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", "user:eddie"));

        Assert.Contains("your own user channel", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_ConnectsAnonymously_ButOnlyToArticleChannels()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader"))
            .Build();
        await connection.StartAsync();

        await connection.InvokeAsync("Join", "article:election-night");
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", "desk:newsroom"));

        Assert.Contains("article channels only", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "required")]
    [InlineData("draft", "kind:key")]
    [InlineData("weather:today", "unknown")]
    [InlineData("desk:has space", "letters, digits")]
    public async Task MalformedChannelName_IsRefusedWithTheReason(string channel, string reason)
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var connection = rosa.Connect();
        await connection.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", channel));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
