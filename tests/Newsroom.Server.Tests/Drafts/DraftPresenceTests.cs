using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Presence over the wire: a join reaches the others through SignalR, and closing the connection or leaving
/// the draft takes it away. The rules (colours, cursors moved and clamped, expiry, never stored) are grain tests:
/// tests/Newsroom.Grains.Tests/Drafts/DraftGrainPresenceTests.
/// </summary>
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

    private static JsonElement Editor(JsonElement presenceEvent) => presenceEvent.GetProperty("editor");
}
