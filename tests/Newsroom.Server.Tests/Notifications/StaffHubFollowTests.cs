using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// Following over the staff hub: the caller's own inbox only (there is no parameter to name another person's), a
/// malformed topic refused with the reason, the moderation queue for moderators only, and the demo's moderator
/// following it from the start.
/// </summary>
public sealed class StaffHubFollowTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task FollowAndUnfollow_ChangeTheCallersOwnList_AndNobodyElses()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var rosaHub = rosa.Connect();
        await rosaHub.StartAsync();
        await using var adaHub = ada.Connect();
        await adaHub.StartAsync();
        var topic = $"story:hub-follow-{Guid.NewGuid():n}"[..40];
        var adasBefore = await adaHub.InvokeAsync<string[]>("Following");

        await rosaHub.InvokeAsync("Follow", topic);
        var following = await rosaHub.InvokeAsync<string[]>("Following");
        var forAda = await Assert.ThrowsAsync<HubException>(() => rosaHub.InvokeAsync("Follow", topic, "ada"));
        var adasAfter = await adaHub.InvokeAsync<string[]>("Following");
        await rosaHub.InvokeAsync("Unfollow", topic);

        Assert.Contains(topic, following);
        Assert.StartsWith("Failed to invoke 'Follow'", forAda.Message, StringComparison.Ordinal);
        Assert.Equal(adasBefore, adasAfter);
        Assert.DoesNotContain(topic, await rosaHub.InvokeAsync<string[]>("Following"));
    }

    [Theory]
    [InlineData("story:a/b", "'story:a/b' is not a well-formed story topic: the slug is 1 to 128 letters, digits, '-', '_' or '.'.")]
    [InlineData("weather:today", "'weather:today' is not a topic; topics are follow-ups:{slug}, story:{slug}, replies:{slug}:{commentId}, section:{name}, tag:{name}, author:{name}, draft:{id}, moderation and my-replies.")]
    [InlineData("", "A topic is required.")]
    [InlineData("moderation", "Only moderators can follow the moderation queue.")]
    public async Task BadTopic_OrTheModerationQueueForANonModerator_IsRefusedWithTheReason_AndStoresNothing(string topic, string reason)
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var hub = rosa.Connect();
        await hub.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Follow", topic));

        Assert.EndsWith(reason, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(topic, await hub.InvokeAsync<string[]>("Following"));
    }

    [Fact]
    public async Task TheDemoModerator_FollowsTheModerationQueue()
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        await using var hub = mona.Connect();
        await hub.StartAsync();

        var following = await Eventually.Until(
            () => hub.InvokeAsync<string[]>("Following"), f => f.Contains("moderation"), TimeSpan.FromSeconds(30), "mona following the moderation queue");

        await hub.InvokeAsync("Follow", "moderation");
        Assert.Contains("moderation", following);
    }
}
