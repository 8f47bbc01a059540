using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Presence over the wire: a join reaches the others through SignalR, and closing the connection or leaving
/// the draft takes it away; someone who only watches the draft hears its edits without being listed. The rules (colours, cursors moved and clamped, expiry, never stored) are grain tests:
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
        var joined = await DraftEvents.Next(first, "draft.presence", e => Editors(e).Any(IsEddie));

        var editor = Editors(joined).Single(IsEddie);
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
        var left = await DraftEvents.Next(stays, "draft.presence", e => Left(e).Contains(goneId));

        Assert.Equal([goneId], Left(left));
        Assert.Equal(1, left.GetProperty("present").GetInt32());
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
        await DraftEvents.Next(stays, "draft.presence", e => Left(e).Contains(leftId));
        stays.Edit("body", _ => [new(0, Insert: "after")]);
        await stays.WaitUntilAsync(e => e.UnconfirmedCount == 0, TimeSpan.FromSeconds(15), "the edit");

        Assert.DoesNotContain(DraftEvents.Drain(leaves), e => e.GetProperty("type").GetString() == "draft.updates");
    }

    [Fact]
    public async Task WatchDraft_FollowsTheEdits_WithoutBeingListedAsPresent()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await rosa.CreateDraftAsync("Followed, not joined");
        await using var reporter = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var follower = eddie.Connect();
        var heard = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        follower.OnEvents(e =>
        {
            if (e.GetProperty("event").GetProperty("type").GetString() == "draft.updates")
            {
                heard.TrySetResult(e.GetProperty("event").Clone());
            }
        });
        await follower.StartAsync();

        var watched = await follower.InvokeAsync<JsonElement>("WatchDraft", draftId);
        reporter.Edit("body", _ => [new(0, Insert: "Turnout is up.")]);
        var update = await heard.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await using var late = await DraftEditorClient.OpenAsync(rosa, draftId);

        Assert.Equal(1, watched.GetProperty("present").GetInt32());
        Assert.Contains("Turnout is up.", update.GetProperty("updates")[0].GetProperty("changes").GetRawText(), StringComparison.Ordinal);
        var listed = late.View.GetProperty("editors").EnumerateArray().Select(e => e.GetProperty("connectionId").GetString()).ToList();
        Assert.DoesNotContain(follower.ConnectionId, listed);
        Assert.Equal(2, late.View.GetProperty("present").GetInt32());
    }

    private static IEnumerable<JsonElement> Editors(JsonElement presence) => presence.GetProperty("editors").EnumerateArray();

    private static List<string?> Left(JsonElement presence) => [.. presence.GetProperty("left").EnumerateArray().Select(e => e.GetString())];

    private static bool IsEddie(JsonElement editor) => editor.GetProperty("userName").GetString() == "eddie";
}
