using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// The inbox over the staff hub: a draft assigned to someone reaches their <c>user:</c> channel and inbox, and the
/// inbox methods act on the caller's own inbox alone. The demo newsroom assigns a draft to rosa at every start, so
/// these tests look for their own drafts' notifications and count relative to before.
/// </summary>
public sealed class StaffHubInboxTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task DraftAssigned_ReachesTheAssigneesChannelAndInbox_AndReadingItIsPublished()
    {
        // Ada: nothing else in these tests assigns her drafts or steps on them, so her unread count is this test's.
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var adaHub = ada.Connect();
        var events = Channel.CreateUnbounded<JsonElement>();
        adaHub.OnEvents(e => events.Writer.TryWrite(e));
        await adaHub.StartAsync();
        await adaHub.InvokeAsync("Join", "user:ada");
        await using var eddieHub = eddie.Connect();
        await eddieHub.StartAsync();
        var unreadBefore = (await adaHub.InvokeAsync<JsonElement>("Inbox", null, 1)).GetProperty("unread").GetInt32();
        var draftId = await eddie.CreateDraftAsync("Tram line <b>extended</b>");

        await eddieHub.InvokeAsync<JsonElement>("Assign", draftId, "ada");

        var arrived = await Next(events, "notification.new", e => Link(e.GetProperty("entry")) == $"/drafts/{draftId}");
        var entry = arrived.GetProperty("entry");
        var notification = entry.GetProperty("notification");
        Assert.Equal("draft-assigned", notification.GetProperty("kind").GetString());
        Assert.Equal("Assigned to you: Tram line <b>extended</b>", notification.GetProperty("title").GetString());
        Assert.Equal("Eddie Editor", notification.GetProperty("actor").GetProperty("displayName").GetString());
        Assert.Equal(unreadBefore + 1, arrived.GetProperty("unread").GetInt32());
        var page = await adaHub.InvokeAsync<JsonElement>("Inbox", null, 50);
        Assert.Equal(entry.GetProperty("id").GetString(), page.GetProperty("entries")[0].GetProperty("id").GetString());

        var unread = await adaHub.InvokeAsync<int>("MarkNotificationRead", entry.GetProperty("id").GetString());

        var read = await Next(events, "notification.read");
        Assert.Equal(unreadBefore, unread);
        Assert.Equal([entry.GetProperty("id").GetString()], read.GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
    }

    [Fact]
    public async Task InboxMethods_ActOnTheCallersOwnInbox_NeverAnotherPersons()
    {
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var eddieHub = eddie.Connect();
        await eddieHub.StartAsync();
        await using var adaHub = ada.Connect();
        await adaHub.StartAsync();
        var draftId = await eddie.CreateDraftAsync("Budget vote moved");
        await eddieHub.InvokeAsync<JsonElement>("Assign", draftId, "ada");
        var adas = await Eventually.Until(
            () => adaHub.InvokeAsync<JsonElement>("Inbox", null, 50),
            p => p.GetProperty("entries").EnumerateArray().Any(e => Link(e) == $"/drafts/{draftId}"),
            TimeSpan.FromSeconds(15),
            "ada's notification");
        var id = adas.GetProperty("entries").EnumerateArray().First(e => Link(e) == $"/drafts/{draftId}").GetProperty("id").GetString();

        var eddies = await eddieHub.InvokeAsync<JsonElement>("Inbox", null, 50);
        await eddieHub.InvokeAsync<int>("MarkNotificationRead", id);
        await eddieHub.InvokeAsync<int>("MarkAllNotificationsRead");
        var adasAfter = await adaHub.InvokeAsync<JsonElement>("Inbox", null, 50);

        Assert.DoesNotContain(eddies.GetProperty("entries").EnumerateArray(), e => Link(e) == $"/drafts/{draftId}");
        Assert.False(adasAfter.GetProperty("entries").EnumerateArray().First(e => e.GetProperty("id").GetString() == id).GetProperty("read").GetBoolean());
        var refused = await Assert.ThrowsAsync<HubException>(() => eddieHub.InvokeAsync("Join", "user:ada"));
        Assert.Contains("your own user channel", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reader_MayNotListenToAStaffUserChannel()
    {
        await using var reader = new HubConnectionBuilder().WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader")).Build();
        await reader.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => reader.InvokeAsync("Join", "user:rosa"));

        Assert.Contains("your own inbox's channel only", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n-1", 10, "The cursor is not one an inbox page gave; start again from the newest.")]
    [InlineData(null, 0, "Ask for 1 to 50 notifications at a time; got 0.")]
    [InlineData(null, 500, "Ask for 1 to 50 notifications at a time; got 500.")]
    public async Task BadCursorOrSize_IsRefusedWithTheReason(string? cursor, int size, string message)
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var hub = rosa.Connect();
        await hub.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("Inbox", cursor, size));
        var badId = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<int>("MarkNotificationRead", "<script>"));

        Assert.EndsWith(message, refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("'<script>' is not a notification id.", badId.Message, StringComparison.Ordinal);
    }

    private static string? Link(JsonElement entry) => entry.GetProperty("notification").GetProperty("link").GetString();

    private static async Task<JsonElement> Next(Channel<JsonElement> events, string type, Func<JsonElement, bool>? match = null)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var e = (await events.Reader.ReadAsync(cancel.Token)).GetProperty("event");
                if (e.GetProperty("type").GetString() == type && (match?.Invoke(e) ?? true))
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {type} event arrived in time.");
        }
    }
}
