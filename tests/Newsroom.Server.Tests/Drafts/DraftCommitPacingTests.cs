using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// A busy draft begins at most one write per <c>Newsroom:Drafts:CommitInterval</c> (1 s here, the most it may be): pushes that arrive
/// while it waits are stored in one batch and told to every listener in one event. The relay sends at once here
/// (<c>SendWindow</c> 0), so what shares an event shared a write.
/// </summary>
public sealed class DraftCommitPacingTests
{
    [Fact]
    public async Task PushesArrivingSoonAfterAWriteBegan_AreStoredTogether_AndToldInOneEvent()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Drafts__CommitInterval"] = "00:00:01",
            ["Newsroom__Relay__SendWindow"] = "00:00:00",
        });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Pacing");
        await using var reader = await DraftEditorClient.OpenAsync(rosa, draftId, "reader");
        var bodyEvents = new ConcurrentQueue<(int From, int Updates)>();
        reader.Connection.On<JsonElement>("Events", batch =>
        {
            foreach (var e in batch.EnumerateArray().Select(e => e.GetProperty("event")))
            {
                if (e.GetProperty("type").GetString() == "draft.updates" && e.GetProperty("field").GetString() == "body")
                {
                    bodyEvents.Enqueue((e.GetProperty("fromVersion").GetInt32(), e.GetProperty("updates").GetArrayLength()));
                }
            }
        });
        await using var first = rosa.Connect();
        await using var second = rosa.Connect();
        await using var third = rosa.Connect();
        await Task.WhenAll(first.StartAsync(), second.StartAsync(), third.StartAsync());

        // A write of the headline has just begun when this returns; the body's two pushes come within its interval.
        await QuickPushes.AppendAsync(first, draftId, "headline", 0, 1);
        await Task.WhenAll(InsertAtStart(second, draftId, "eddie", "a"), InsertAtStart(third, draftId, "sam", "b"));
        await reader.WaitUntilAsync(r => r.Version("body") == 2, TimeSpan.FromSeconds(15), "the reader to have both body updates");
        // The reader's own handler of the message runs before this test's, so its version can move first.
        var heard = await Eventually.Until(
            () => Task.FromResult(bodyEvents.ToArray()), e => e.Sum(b => b.Updates) >= 2, TimeSpan.FromSeconds(15), "this test's handler to hear both body updates");

        Assert.Equal([(0, 2)], heard);
        Assert.Contains(reader.Text("body"), new[] { "ab", "ba" });
    }

    private static Task InsertAtStart(HubConnection editor, string draftId, string clientId, string text) =>
        editor.InvokeAsync("PushUpdates", draftId, "body", 0, new[] { new WireUpdate(clientId, ChangeSet.Of(new ChangeSpec(0, Insert: text), 0).ToJson()) });
}
