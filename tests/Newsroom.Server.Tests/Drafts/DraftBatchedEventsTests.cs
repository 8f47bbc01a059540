using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Fewer, fuller frames, end to end: a draft's events that reach the relay together arrive in one "Events" message,
/// and the test client applies them in order (a gap would make it pull, and the text would differ). The server gathers
/// for 300 ms here (<c>Newsroom:Relay:SendWindow</c>), so commits made together are known to share a message.
/// </summary>
public sealed class DraftBatchedEventsTests
{
    [Fact]
    public async Task UpdatesSentInOneMessage_AreAppliedInOrder_WithoutAPull()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["Newsroom__Relay__SendWindow"] = "00:00:00.300" });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Count");
        await using var writer = rosa.Connect();
        await writer.StartAsync();
        await using var reader = await DraftEditorClient.OpenAsync(rosa, draftId, "reader");
        var mostInOneMessage = 0;
        reader.Connection.On<JsonElement>("Events", batch =>
        {
            var bodyUpdates = batch.EnumerateArray().Count(e => e.GetProperty("event").GetProperty("type").GetString() == "draft.updates"
                && e.GetProperty("event").GetProperty("field").GetString() == "body");
            InterlockedMax(ref mostInOneMessage, bodyUpdates);
        });

        // Five commits of the body within milliseconds, and again until two of them shared a message.
        var version = 0;
        await Eventually.Until(
            async () =>
            {
                version = await QuickPushes.AppendAsync(writer, draftId, "body", version, 5);
                return Volatile.Read(ref mostInOneMessage);
            },
            most => most >= 2,
            TimeSpan.FromSeconds(30),
            "a message carrying two of the body's updates");
        await reader.WaitUntilAsync(r => r.Version("body") == version, TimeSpan.FromSeconds(15), "the reader to catch up");

        Assert.Equal(new string('+', version), reader.Text("body"));
        Assert.Equal(0, reader.PullsSent);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var was && was != seen)
        {
            seen = was;
        }
    }
}
