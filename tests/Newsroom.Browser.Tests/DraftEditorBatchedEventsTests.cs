using System.Collections.Concurrent;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The browser takes the server's batches: a field's updates that arrive in one "Events" message are applied in order
/// (a gap would make the page pull), and the page shows what the writer wrote. The server gathers for 300 ms here
/// (<c>Newsroom:Relay:SendWindow</c>), so commits made together are known to share a message.
/// </summary>
public sealed class DraftEditorBatchedEventsTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task UpdatesArrivingInOneMessage_AreAppliedInOrder_WithoutAPull()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["Newsroom__Relay__SendWindow"] = "00:00:00.300" });
        using var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await eddie.CreateDraftAsync("Count");
        var page = await newsroom.NewPageAsync(server);
        var received = new ConcurrentQueue<string>();
        var sent = new ConcurrentQueue<string>();
        page.WebSocket += (_, socket) =>
        {
            socket.FrameReceived += (_, frame) => received.Enqueue(frame.Text ?? "");
            socket.FrameSent += (_, frame) => sent.Enqueue(frame.Text ?? "");
        };
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await BrowserNewsroom.OpenDraftEditorAsync(page, draftId);
        await using var writer = eddie.Connect();
        await writer.StartAsync();

        // Five commits of the body within milliseconds, and again until two of them shared a message.
        var version = 0;
        await Eventually.Until(
            async () =>
            {
                version = await QuickPushes.AppendAsync(writer, draftId, "body", version, 5);
                return received.DefaultIfEmpty("").Max(BodyUpdatesIn);
            },
            most => most >= 2,
            TimeSpan.FromSeconds(30),
            "a message carrying two of the body's updates");
        await Eventually.Until(
            () => BrowserNewsroom.DraftFieldTextAsync(page, "body"), text => text.Length == version, TimeSpan.FromSeconds(15), "the page's body");

        Assert.Equal(new string('+', version), await BrowserNewsroom.DraftFieldTextAsync(page, "body"));
        Assert.DoesNotContain(sent, frame => frame.Contains("\"PullUpdates\"", StringComparison.Ordinal));
    }

    // The body's draft.updates envelopes in one frame's "Events" message (0 for any other frame).
    private static int BodyUpdatesIn(string frame) =>
        frame.Contains("\"target\":\"Events\"", StringComparison.Ordinal)
            ? frame.Split("\"type\":\"draft.updates\",\"field\":\"body\"").Length - 1
            : 0;
}
