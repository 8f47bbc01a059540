using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>Who is in a draft, with live cursors: relayed to everyone, gone with the connection, never stored.</summary>
public sealed class DraftPresenceTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task JoiningEditor_IsShownToOthers_WithNameInitialsAndColour()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await rosa.CreateDraftAsync("Who is here");
        await using var first = await DraftEditorClient.OpenAsync(rosa, draftId);

        await using var second = await DraftEditorClient.OpenAsync(eddie, draftId);
        var joined = await DraftEvents.Next(first, "draft.presence", e => Editor(e).GetProperty("userName").GetString() == "eddie");

        var editor = Editor(joined);
        Assert.Equal(second.Connection.ConnectionId, editor.GetProperty("connectionId").GetString());
        Assert.Equal("Eddie Editor", editor.GetProperty("displayName").GetString());
        Assert.Equal("EE", editor.GetProperty("initials").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", editor.GetProperty("colour").GetString());
        // The newcomer's view lists who was there already.
        var present = second.View.GetProperty("editors").EnumerateArray().Select(e => e.GetProperty("userName").GetString()).ToList();
        Assert.Contains("rosa", present);
    }

    [Fact]
    public async Task TwoPeopleInOneDraft_WearDifferentColours_AndASecondTabKeepsItsPersonsColour()
    {
        // Rosa's and Eddie's names hash to the same colour of the palette.
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await rosa.CreateDraftAsync("Colours");
        var rosaAlone = await rosa.CreateDraftAsync("Rosa alone");
        var eddieAlone = await rosa.CreateDraftAsync("Eddie alone");
        await using var rosaFirst = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var eddieFirst = await DraftEditorClient.OpenAsync(eddie, draftId);
        await using var rosaSecondTab = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var rosaElsewhere = await DraftEditorClient.OpenAsync(rosa, rosaAlone);
        await using var eddieElsewhere = await DraftEditorClient.OpenAsync(eddie, eddieAlone);

        var colours = rosaSecondTab.View.GetProperty("editors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("connectionId").GetString()!, e => e.GetProperty("colour").GetString());
        var own = rosaElsewhere.View.GetProperty("editors").EnumerateArray().Single().GetProperty("colour").GetString();
        var eddiesOwn = eddieElsewhere.View.GetProperty("editors").EnumerateArray().Single().GetProperty("colour").GetString();

        Assert.Equal(own, eddiesOwn);
        Assert.Equal(own, colours[rosaFirst.Connection.ConnectionId!]);
        Assert.NotEqual(own, colours[eddieFirst.Connection.ConnectionId!]);
        Assert.Equal(own, colours[rosaSecondTab.Connection.ConnectionId!]);
    }

    [Fact]
    public async Task CursorsAndSelections_AreRelayed_AndClampedToTheDocument()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Cursor");
        await using var watcher = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var mover = await DraftEditorClient.OpenAsync(rosa, draftId);
        var moverId = mover.Connection.ConnectionId;

        await mover.UpdatePresenceAsync("headline", 1, 4);
        var selection = Editor(await DraftEvents.Next(watcher, "draft.presence", e => Editor(e).GetProperty("field").GetString() == "headline"));
        await mover.UpdatePresenceAsync("body", 0, 99);
        var clamped = Editor(await DraftEvents.Next(watcher, "draft.presence", e => Editor(e).GetProperty("field").GetString() == "body"));

        Assert.Equal((moverId, 1, 4), (selection.GetProperty("connectionId").GetString(), selection.GetProperty("anchor").GetInt32(), selection.GetProperty("head").GetInt32()));
        Assert.Equal((0, 0), (clamped.GetProperty("anchor").GetInt32(), clamped.GetProperty("head").GetInt32()));
        var negative = await Assert.ThrowsAsync<HubException>(() => mover.UpdatePresenceAsync("body", -1, 0));
        var unknown = await Assert.ThrowsAsync<HubException>(() => mover.UpdatePresenceAsync("caption", 0, 0));
        Assert.Contains("may not be negative", negative.Message, StringComparison.Ordinal);
        Assert.Contains("is unknown", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CursorSentAtAnOlderVersion_IsMovedThroughTheUpdatesAfterIt()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Moving caret");
        await using var writer = await DraftEditorClient.OpenAsync(rosa, draftId, "writer");
        writer.Edit("body", _ => [new Core.Changes.ChangeSpec(0, Insert: "abc")]);
        await writer.WaitUntilAsync(w => w.UnconfirmedCount == 0, TimeSpan.FromSeconds(30), "abc to be stored");
        await using var watcher = await DraftEditorClient.OpenAsync(rosa, draftId, "watcher");
        await using var mover = await DraftEditorClient.OpenAsync(rosa, draftId, "mover");

        // The mover selected "bc" at version 1; meanwhile "XY" went in before it (version 2).
        writer.Edit("body", _ => [new Core.Changes.ChangeSpec(0, Insert: "XY")]);
        await writer.WaitUntilAsync(w => w.UnconfirmedCount == 0, TimeSpan.FromSeconds(30), "XY to be stored");
        await mover.UpdatePresenceAsync("body", 1, 3, version: 1);
        var moved = Editor(await DraftEvents.Next(watcher, "draft.presence", e => Editor(e).GetProperty("field").GetString() == "body"));
        await mover.UpdatePresenceAsync("body", 1, 4, version: 99);
        var unknownVersion = Editor(await DraftEvents.Next(watcher, "draft.presence", e => Editor(e).GetProperty("head").GetInt32() != 5));
        await using var latecomer = await DraftEditorClient.OpenAsync(rosa, draftId, "latecomer");

        Assert.Equal((3, 5, 2), (moved.GetProperty("anchor").GetInt32(), moved.GetProperty("head").GetInt32(), moved.GetProperty("version").GetInt32()));
        Assert.Equal((1, 4), (unknownVersion.GetProperty("anchor").GetInt32(), unknownVersion.GetProperty("head").GetInt32()));
        var listed = latecomer.View.GetProperty("editors").EnumerateArray().Single(e => e.GetProperty("connectionId").GetString() == mover.Connection.ConnectionId);
        Assert.Equal((1, 4, 2), (listed.GetProperty("anchor").GetInt32(), listed.GetProperty("head").GetInt32(), listed.GetProperty("version").GetInt32()));
        var negative = await Assert.ThrowsAsync<HubException>(() => mover.UpdatePresenceAsync("body", 0, 0, version: -1));
        Assert.Contains("version may not be negative", negative.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedConnection_DisappearsFromThePresence()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Leaving");
        await using var stays = await DraftEditorClient.OpenAsync(rosa, draftId);
        var goes = await DraftEditorClient.OpenAsync(rosa, draftId);
        var goneId = goes.Connection.ConnectionId;

        await goes.DisposeAsync();
        var left = await DraftEvents.Next(stays, "draft.presence-left", e => e.GetProperty("connectionId").GetString() == goneId);

        Assert.Equal(goneId, left.GetProperty("connectionId").GetString());
        var view = await rosa.ReadDraftAsync(draftId);
        Assert.DoesNotContain(goneId, view.GetProperty("editors").EnumerateArray().Select(e => e.GetProperty("connectionId").GetString()));
    }

    [Fact]
    public async Task LeaveDraft_RemovesThePresence_AndStopsTheEvents()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Leaving politely");
        await using var stays = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var leaves = await DraftEditorClient.OpenAsync(rosa, draftId);
        var leftId = leaves.Connection.ConnectionId;

        await leaves.Connection.InvokeAsync("LeaveDraft", draftId);
        await DraftEvents.Next(stays, "draft.presence-left", e => e.GetProperty("connectionId").GetString() == leftId);
        stays.Edit("body", _ => [new(0, Insert: "after")]);
        await stays.WaitUntilAsync(e => e.UnconfirmedCount == 0, TimeSpan.FromSeconds(15), "the edit");

        Assert.DoesNotContain(DraftEvents.Drain(leaves), e => e.GetProperty("type").GetString() == "draft.updates");
    }

    /// <summary>A server of its own: presence expires after one second here, and it is restarted.</summary>
    [Fact]
    public async Task SilentConnection_Expires_AndPresenceIsNeverStored()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Drafts__PresenceExpiry"] = "00:00:01",
        });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Quiet");
        await using var watcher = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var silent = await DraftEditorClient.OpenAsync(rosa, draftId);
        var silentId = silent.Connection.ConnectionId;

        // The connection stays open but sends nothing: its entry must time out.
        var expired = await DraftEvents.Next(watcher, "draft.presence-left", e => e.GetProperty("connectionId").GetString() == silentId);
        Assert.Equal(HubConnectionState.Connected, silent.Connection.State);
        Assert.Equal(silentId, expired.GetProperty("connectionId").GetString());

        await silent.UpdatePresenceAsync("body", 0, 0);
        await server.KillAsync();
        await server.RestartAsync();

        await using var after = rosa.Connect();
        await after.StartAsync();
        var view = await after.InvokeAsync<JsonElement>("OpenDraft", draftId);
        var editors = view.GetProperty("editors").EnumerateArray().Select(e => e.GetProperty("connectionId").GetString()).ToList();
        Assert.Equal([after.ConnectionId], editors);
    }

    private static JsonElement Editor(JsonElement presenceEvent) => presenceEvent.GetProperty("editor");
}
