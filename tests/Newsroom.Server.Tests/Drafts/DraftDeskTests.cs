using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>The desk lists every draft with who is in it and its last change, live on <c>desk:newsroom</c>.</summary>
public sealed class DraftDeskTests(SharedNewsroom newsroom)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task CreatingAndEditingADraft_UpdatesTheDeskList_AndItsChannel()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var desk = rosa.Connect();
        var events = Channel.CreateUnbounded<JsonElement>();
        desk.OnEvents(e => events.Writer.TryWrite(e));
        await desk.StartAsync();
        await desk.InvokeAsync("Join", "desk:newsroom");

        var draftId = await rosa.CreateDraftAsync("Flood defences hold");
        var created = await NextFor(events, draftId, _ => true);
        var listed = await Listed(rosa, draftId);

        Assert.Equal("Flood defences hold", created.GetProperty("headline").GetString());
        Assert.Equal("Flood defences hold", listed.GetProperty("headline").GetString());

        var editor = await DraftEditorClient.OpenAsync(rosa, draftId);
        var joined = await NextFor(events, draftId, d => d.GetProperty("editors").GetArrayLength() == 1);
        editor.Edit("headline", doc => [new(doc.Length, Insert: " again")]);
        var edited = await NextFor(events, draftId, d => d.GetProperty("headline").GetString() == "Flood defences hold again");

        var rosaBadge = joined.GetProperty("editors")[0];
        Assert.Equal(("rosa", "Rosa Reporter", "RR"), (
            rosaBadge.GetProperty("userName").GetString(), rosaBadge.GetProperty("displayName").GetString(), rosaBadge.GetProperty("initials").GetString()));
        Assert.Equal("Rosa Reporter", edited.GetProperty("lastChangedBy").GetString());
        Assert.True(edited.GetProperty("lastChangedAt").GetDateTimeOffset() >= created.GetProperty("lastChangedAt").GetDateTimeOffset());
        listed = await Listed(rosa, draftId);
        Assert.Equal("Flood defences hold again", listed.GetProperty("headline").GetString());
        Assert.Equal(1, listed.GetProperty("editors").GetArrayLength());

        await editor.DisposeAsync();
        await NextFor(events, draftId, d => d.GetProperty("editors").GetArrayLength() == 0);
        Assert.Equal(0, (await Listed(rosa, draftId)).GetProperty("editors").GetArrayLength());
    }

    [Fact]
    public async Task AHeadlineLongerThanADeskRow_IsListedCut_WithAnEllipsis()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var headline = string.Concat(Enumerable.Repeat("Council votes to rebuild the harbour wall ", 10));
        var fitting = new string('x', 200);

        var cutId = await rosa.CreateDraftAsync(headline);
        var fittingId = await rosa.CreateDraftAsync(fitting);

        // A desk row keeps 200 characters of the headline (DraftSummary.MaxHeadlineLength), the ellipsis included.
        Assert.Equal(headline[..199] + "…", (await Listed(rosa, cutId)).GetProperty("headline").GetString());
        Assert.Equal(fitting, (await Listed(rosa, fittingId)).GetProperty("headline").GetString());
    }

    private static async Task<JsonElement> Listed(StaffSession session, string draftId)
    {
        var list = await session.Http.GetFromJsonAsync<JsonElement>("/api/drafts");
        Assert.True(list.GetProperty("version").GetInt64() > 0);
        return list.GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("id").GetString() == draftId);
    }

    // Other tests' drafts report to the same desk; only this draft's events count.
    private static async Task<JsonElement> NextFor(Channel<JsonElement> events, string draftId, Func<JsonElement, bool> match)
    {
        using var cancel = new CancellationTokenSource(_wait);
        while (true)
        {
            var envelope = await events.Reader.ReadAsync(cancel.Token);
            Assert.Equal("desk:newsroom", envelope.GetProperty("channel").GetString());
            var e = envelope.GetProperty("event");
            if (e.GetProperty("type").GetString() == "desk.draft-changed"
                && e.GetProperty("draft").GetProperty("id").GetString() == draftId
                && match(e.GetProperty("draft")))
            {
                return e.GetProperty("draft");
            }
        }
    }
}
