using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// <c>ConnectionStrings:NotificationStorage</c> puts inboxes, mailboxes (and their reminders), subscriber lists and guest
/// readers in an account of their own (here a second Azurite): they are written and read back there, and never in the
/// newsroom's account.
/// </summary>
public sealed class NotificationStorageApartTests
{
    private static readonly string[] _notificationTables = ["inboxes", "mailboxes", "topics", "guestreaders", "OrleansReminders"];

    [Fact]
    public async Task InboxesAndSubscriberLists_AreKeptInTheirOwnAccount_AndReadBackFromItAfterARestart()
    {
        await using var newsroomAccount = await Azurite.StartAsync();
        await using var notificationAccount = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(newsroomAccount, new Dictionary<string, string?>
        {
            ["ConnectionStrings__NotificationStorage"] = notificationAccount.ConnectionString,
            // The demo conversation's comments show where the comments table is kept.
            ["Newsroom__Demo__Stories"] = "true",
        });
        var topic = $"story:apart-{Guid.NewGuid():n}"[..30];
        string headline;
        using (var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password))
        using (var ada = await server.SignInAsync("ada", "ada-demo"))
        {
            await using var adaHub = ada.Connect();
            await adaHub.StartAsync();
            await adaHub.InvokeAsync("Follow", topic);
            headline = $"Apart {Guid.NewGuid():n}"[..18];
            var draftId = await eddie.CreateDraftAsync(headline);
            await using var eddieHub = eddie.Connect();
            await eddieHub.StartAsync();
            await eddieHub.InvokeAsync<JsonElement>("Assign", draftId, "ada");
            await Eventually.Until(() => Titles(adaHub), t => t.Contains($"Assigned to you: {headline}"), TimeSpan.FromSeconds(20), "ada's notification");
        }

        var inNewsroomAccount = await TablesAsync(newsroomAccount);
        var inNotificationAccount = await TablesAsync(notificationAccount);
        var notificationRows = await new TableClient(notificationAccount.ConnectionString, "inboxes").QueryAsync<TableEntity>().CountAsync();

        await server.StopAsync();
        await server.RestartAsync();
        using var adaAgain = await server.SignInAsync("ada", "ada-demo");
        await using var hubAgain = adaAgain.Connect();
        await hubAgain.StartAsync();

        Assert.Empty(inNewsroomAccount.Intersect(_notificationTables));
        Assert.Contains("comments", inNewsroomAccount);
        Assert.Contains("inboxes", inNotificationAccount);
        Assert.Contains("topics", inNotificationAccount);
        Assert.Contains("OrleansReminders", inNotificationAccount);
        Assert.True(notificationRows > 0);
        Assert.Contains($"Assigned to you: {headline}", await Titles(hubAgain));
        Assert.Contains(topic, await hubAgain.InvokeAsync<string[]>("Following"));
    }

    private static async Task<List<string?>> Titles(HubConnection hub)
    {
        var page = await hub.InvokeAsync<JsonElement>("Inbox", null, 50);
        return [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("notification").GetProperty("title").GetString())];
    }

    private static async Task<List<string>> TablesAsync(Azurite account) =>
        await new TableServiceClient(account.ConnectionString).QueryAsync().Select(t => t.Name).ToListAsync();
}
