using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// A reactivated draft starts from its latest snapshot, yet keeps serving the last <c>Window</c> updates of each
/// field: editors that were behind by 1, by a quarter of the window and by window - 1 updates across a snapshot
/// when the server stopped (SIGTERM) or died (SIGKILL) catch up, resend what they typed meanwhile, and all end
/// with the server's text, holding each one's unsent text exactly once.
/// </summary>
public sealed class DraftWindowRestartTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public Task EditorsBehindAcrossASnapshot_CatchUpAndResendTheirUnsentText_AfterAGracefulStop() =>
        BehindAcrossARestart(window: 400, snapshotEvery: 100, graceful: true);

    [Fact]
    public Task EditorsBehindAcrossASnapshot_CatchUpAndResendTheirUnsentText_AfterAKill() =>
        BehindAcrossARestart(window: 400, snapshotEvery: 100, graceful: false);

    // The shipped settings (DraftOptions: a window of 20,000 updates, a snapshot every 5,000): the furthest
    // editor is 19,999 updates behind, across four snapshots and the one written at shutdown.
    [Fact]
    public Task EditorsBehindByUpToTheWholeDefaultWindow_CatchUpAndResend_AfterAGracefulStop() =>
        BehindAcrossARestart(window: 20_000, snapshotEvery: 5_000, graceful: true, configure: false);

    private static async Task BehindAcrossARestart(int window, int snapshotEvery, bool graceful, bool configure = true)
    {
        var settings = new Dictionary<string, string?>();
        if (configure)
        {
            settings["Newsroom__Drafts__Window"] = $"{window}";
            settings["Newsroom__Drafts__SnapshotEvery"] = $"{snapshotEvery}";
        }

        // One body update per batch, so batch n + 1 holds body version n (batch 1 is the headline) and a snapshot
        // falls exactly at the last update before the stop: the kill leaves nothing after it to replay. With
        // the large window the typing goes in pushes of up to 1,000 updates; the graceful stop snapshots anyway.
        var oneByOne = window < 1000;
        var last = (window / snapshotEvery + 1) * snapshotEvery - 1;
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, settings);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Window across a restart");
        var writer = await DraftEditorClient.OpenAsync(rosa, draftId, "writer", maxUpdatesPerPush: 1000);
        var editors = new List<DraftEditorClient> { writer };
        try
        {
            // Each laggard drops off at the version it will be behind from, furthest first.
            var laggards = new (string Name, int Behind)[] { ("far", window - 1), ("quarter", window / 4), ("one", 1) };
            foreach (var (name, _) in laggards)
            {
                editors.Add(await DraftEditorClient.OpenAsync(rosa, draftId, name, maxUpdatesPerPush: 1000));
            }

            var random = new Random(700 + window);
            for (var i = 0; i < laggards.Length; i++)
            {
                // "one" is behind by its own update, whose answer it never got (see below).
                var dropAt = last - laggards[i].Behind;
                await TypeUntil(writer, random, dropAt, oneByOne);
                foreach (var editor in editors.Skip(1 + i))
                {
                    await editor.WaitUntilAsync(e => e.Version("body") == dropAt, _wait, $"{laggards[i].Name}: body at version {dropAt}");
                }

                await editors[1 + i].DisconnectAsync();
            }

            // The last update is "one"'s: its push reached the server and was stored, and the server went down
            // before the answer came back, as happens to an update in flight at shutdown.
            var one = editors[^1];
            var inFlight = one.Edit("body", doc => [new(doc.Length, Insert: " [one: in flight]")]);
            await using (var connection = rosa.Connect())
            {
                await connection.StartAsync();
                var pushed = await connection.InvokeAsync<JsonElement>(
                    "PushUpdates", draftId, "body", last - 1, new[] { new WireUpdate("one-body", inFlight.ToJson()) });
                Assert.Equal(last, pushed.GetProperty("version").GetInt32());
            }

            await writer.WaitUntilAsync(e => e.Version("body") == last, _wait, $"the writer at body version {last}");
            if (graceful)
            {
                await server.StopAsync();
            }
            else
            {
                // What the reload will start from: a snapshot taken at the very last update.
                await Eventually.Until(() => LatestSnapshotBodyVersion(azurite, draftId), v => v == last, _wait, $"the snapshot at body version {last}");
                await server.KillAsync();
            }

            // Every laggard is behind the snapshot the reload starts from.
            Assert.Equal(last, await LatestSnapshotBodyVersion(azurite, draftId));
            Assert.Equal([last, last - (window - 1), last - window / 4, last - 1], editors.Select(e => e.Version("body")));

            // Typed while the server is down: unsent until the restart.
            foreach (var editor in editors)
            {
                var name = editor == writer ? "writer" : laggards[editors.IndexOf(editor) - 1].Name;
                editor.Edit("body", doc => [new(doc.Length, Insert: $" [{name}: offline]")]);
            }

            await server.RestartAsync();
            foreach (var editor in editors)
            {
                // "far" and "one" resend before pulling: "far"'s push is rebased over the oldest updates in the
                // window, and "one"'s starts with its update already stored, which must be recognised, not
                // applied twice. The others pull first.
                await editor.ReconnectAsync(resendBeforePull: editor == editors[1] || editor == editors[^1]);
            }

            foreach (var editor in editors)
            {
                // A refusal ("too far behind") ends the wait: the editor would never send its text again.
                await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0 || !e.Errors.IsEmpty, _wait, "every edit confirmed");
                Assert.Empty(editor.Errors);
            }

            var stored = await rosa.ReadDraftAsync(draftId);
            var body = stored.GetProperty("fields").GetProperty("body");
            var version = body.GetProperty("version").GetInt32();
            var text = JsStrings.Read(body.GetProperty("text"));
            Assert.Equal(last + editors.Count, version);
            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.Version("body") >= version, _wait, $"body at version {version}");
                Assert.Empty(editor.Errors);
                Assert.Equal(text, editor.Text("body"));
            }

            foreach (var marker in new[] { "[one: in flight]", "[writer: offline]" }.Concat(laggards.Select(l => $"[{l.Name}: offline]")))
            {
                Assert.Contains(marker, text, StringComparison.Ordinal);
                Assert.Equal(text.IndexOf(marker, StringComparison.Ordinal), text.LastIndexOf(marker, StringComparison.Ordinal));
            }
        }
        finally
        {
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }
        }
    }

    private static async Task TypeUntil(DraftEditorClient writer, Random random, int version, bool oneByOne)
    {
        while (writer.Version("body") + writer.UnconfirmedCount < version)
        {
            writer.Edit("body", doc => RandomEdits.Next(random, doc));
            if (oneByOne || writer.UnconfirmedCount >= 1000)
            {
                await writer.WaitUntilAsync(e => e.UnconfirmedCount == 0, _wait, "the writer's edits confirmed");
            }
        }

        await writer.WaitUntilAsync(e => e.UnconfirmedCount == 0 && e.Version("body") == version, _wait, $"the writer at body version {version}");
    }

    // The blob log's layout (DraftLogOptions): draft-snapshots/{id}/latest.json names the newest
    // snapshot-{sequence:D12}.json, whose "f" lists each field's "f" (2 is the body) and version "v".
    private static async Task<int?> LatestSnapshotBodyVersion(Azurite azurite, string draftId)
    {
        var snapshots = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("draft-snapshots");
        var pointer = snapshots.GetBlobClient($"{draftId}/latest.json");
        if (!await pointer.ExistsAsync())
        {
            return null;
        }

        using var latest = JsonDocument.Parse((await pointer.DownloadContentAsync()).Value.Content);
        var sequence = latest.RootElement.GetProperty("s").GetInt64();
        using var snapshot = JsonDocument.Parse((await snapshots.GetBlobClient($"{draftId}/snapshot-{sequence:D12}.json").DownloadContentAsync()).Value.Content);
        return snapshot.RootElement.GetProperty("f").EnumerateArray()
            .Single(f => f.GetProperty("f").GetInt32() == 2)
            .GetProperty("v").GetInt32();
    }
}
