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

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", "user:eddie"));

        Assert.Contains("your own user channel", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_ConnectsAnonymously_ButNotToStaffChannels()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader"))
            .Build();
        await connection.StartAsync();

        var desk = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", "desk:newsroom"));
        var draft = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Join", "draft:0123456789ab"));

        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Contains("article channels only", desk.Message, StringComparison.Ordinal);
        Assert.Contains("article channels only", draft.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_ListensToAStory_ItsComments_AndTheListOfStories()
    {
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader"))
            .Build();
        await connection.StartAsync();

        await connection.InvokeAsync("Join", "article:election-night");
        await connection.InvokeAsync("Join", "stories:newsroom");
        await connection.InvokeAsync("Join", "comments:election-night");

        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task StaffMember_ListensToTheirOwnUserChannel_WhateverTheCase()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var connection = rosa.Connect();
        await connection.StartAsync();

        await connection.InvokeAsync("Join", "user:rosa");
        await connection.InvokeAsync("Join", "user:Rosa");

        Assert.Equal(HubConnectionState.Connected, connection.State);
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
