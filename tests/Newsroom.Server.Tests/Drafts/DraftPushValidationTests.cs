using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Bad pushes get a <see cref="HubException"/> with the reason, sent to the caller only; the draft, its
/// history and the other editors are untouched. Limits: see DraftLimits (1,000 / 5,000 / 500,000 characters
/// for headline / standfirst / body; 1,000 updates and 256K characters of change JSON per push).
/// </summary>
public sealed partial class DraftPushValidationTests(SharedNewsroom newsroom)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string, int, string, string> BadPushes => new()
    {
        // field, base version, updates JSON, expected reason
        { "malformed change set", "body", 1, """[{"clientId":"c","changes":{"keep":5}}]""", "not a change set" },
        { "string inserted line", "body", 1, """[{"clientId":"c","changes":[5,[0,7]]}]""", "not a change set" },
        { "negative length", "body", 1, """[{"clientId":"c","changes":[-1,[0,"x"]]}]""", "must not be negative" },
        { "length beyond Int32", "body", 1, """[{"clientId":"c","changes":[99999999999]}]""", "Int32" },
        { "length that does not fit", "body", 1, """[{"clientId":"c","changes":[6,[0,"x"]]}]""", "has length 5" },
        { "position past the end", "body", 1, """[{"clientId":"c","changes":[[9,"x"]]}]""", "has length 5" },
        { "broken chain", "body", 1, """[{"clientId":"c","changes":[5,[0,"x"]]},{"clientId":"c","changes":[5,[0,"y"]]}]""", "leaves length 6" },
        { "two clients in one push", "body", 1, """[{"clientId":"c","changes":[5,[0,"x"]]},{"clientId":"d","changes":[6,[0,"y"]]}]""", "one client's" },
        { "missing client id", "body", 1, """[{"clientId":"","changes":[5,[0,"x"]]}]""", "client id" },
        { "no updates", "body", 1, """[]""", "at least one update" },
        { "negative base version", "body", -1, """[{"clientId":"c","changes":[5,[0,"x"]]}]""", "out of range" },
        { "base version from the future", "body", 2, """[{"clientId":"c","changes":[5,[0,"x"]]}]""", "out of range" },
        { "unknown field", "byline", 1, """[{"clientId":"c","changes":[5,[0,"x"]]}]""", "unknown" },
        { "headline over its limit", "headline", 1, $$"""[{"clientId":"c","changes":[5,[0,"{{new string('h', 1000)}}"]]}]""", "at most 1000 characters" },
        { "too many updates", "body", 1, "[" + string.Join(",", Enumerable.Repeat("""{"clientId":"c","changes":[5]}""", 1001)) + "]", "at most 1000 updates" },
        { "too much change JSON", "body", 1, $$"""[{"clientId":"c","changes":[5,[0,"{{new string('b', 270_000)}}"]]}]""", "262144 characters" },
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task BadPush_IsRefusedWithTheReason_AndChangesNothing(string what, string field, int baseVersion, string updatesJson, string reason)
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await rosa.CreateDraftAsync("Title");
        await using var witness = await DraftEditorClient.OpenAsync(eddie, draftId, "witness");
        witness.Edit("body", _ => [new(0, Insert: "Hello")]);
        await witness.WaitUntilAsync(e => e.UnconfirmedCount == 0 && e.Version("body") == 1, _wait, "the witness's edit");
        var before = await rosa.ReadDraftAsync(draftId);
        await using var pusher = rosa.Connect();
        await pusher.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(
            () => pusher.InvokeAsync<JsonElement>("PushUpdates", draftId, field, baseVersion, Parse(updatesJson)));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(Fields(before), Fields(await rosa.ReadDraftAsync(draftId)));
        await AssertWitnessUnaffected(witness, rosa, draftId, what);
    }

    [Fact]
    public async Task Moderator_MayOpenADraft_ButNotPushOrSetMetadata()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var draftId = await rosa.CreateDraftAsync("Title");
        await using var witness = await DraftEditorClient.OpenAsync(rosa, draftId, "witness");
        await using var reader = await DraftEditorClient.OpenAsync(mona, draftId, "mona");

        var push = await Assert.ThrowsAsync<HubException>(() => reader.Connection.InvokeAsync<JsonElement>(
            "PushUpdates", draftId, "headline", 1, Parse("""[{"clientId":"m","changes":[5,[0,"!"]]}]""")));
        var metadata = await Assert.ThrowsAsync<HubException>(() => reader.Connection.InvokeAsync<JsonElement>(
            "SetMetadata", draftId, new { section = "Politics" }));

        // SignalR prefixes a HubException's message with "An unexpected error occurred invoking ...".
        Assert.EndsWith("HubException: You may read this draft but not edit it.", push.Message, StringComparison.Ordinal);
        Assert.EndsWith("HubException: You may read this draft but not edit it.", metadata.Message, StringComparison.Ordinal);
        Assert.Equal("Title", reader.Text("headline"));
        await AssertWitnessUnaffected(witness, rosa, draftId, "moderator");
    }

    [Fact]
    public async Task PushToADraftThatDoesNotExist_IsRefused()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var connection = rosa.Connect();
        await connection.StartAsync();
        var updates = Parse("""[{"clientId":"c","changes":[[0,"x"]]}]""");

        var unknown = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("PushUpdates", "0123456789ab", "body", 0, updates));
        var malformed = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("PushUpdates", "not-a-draft", "body", 0, updates));
        var open = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("OpenDraft", "0123456789ab"));

        Assert.EndsWith("Draft 0123456789ab does not exist.", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("is not a draft id", malformed.Message, StringComparison.Ordinal);
        Assert.EndsWith("Draft 0123456789ab does not exist.", open.Message, StringComparison.Ordinal);
    }

    internal static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static string Fields(JsonElement view) => view.GetProperty("fields").GetRawText();

    // The witness got nothing for the refused push (its next event is its own next edit), and its edits
    // still go through.
    private static async Task AssertWitnessUnaffected(DraftEditorClient witness, StaffSession session, string draftId, string what)
    {
        witness.Edit("body", doc => [new(doc.Length, Insert: "!")]);
        await witness.WaitUntilAsync(e => e.UnconfirmedCount == 0, _wait, $"the witness's edit after the {what}");
        var events = new List<JsonElement>();
        while (witness.Events.TryRead(out var envelope))
        {
            events.Add(envelope);
        }

        var updates = events.Where(e => e.GetProperty("event").GetProperty("type").GetString() == "draft.updates").ToList();
        Assert.All(updates, e => Assert.All(
            e.GetProperty("event").GetProperty("updates").EnumerateArray(),
            u => Assert.Equal("witness-body", u.GetProperty("clientId").GetString())));
        Assert.Empty(witness.Errors);
        var view = await session.ReadDraftAsync(draftId);
        Assert.Equal(witness.Text("body"), view.GetProperty("fields").GetProperty("body").GetProperty("text").GetString());
    }
}
