using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Updates count as accepted only once durable: whatever any editor has seen survives <c>kill -9</c> and a
/// restart, through many group-committed batches and snapshots (taken every 40 updates here).
/// </summary>
public sealed class DraftDurabilityTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> _snapshotOften = new()
    {
        ["Newsroom__Drafts__SnapshotEvery"] = "40",
    };

    // This test is about resending, so every update after the start is replayed from the log on reload;
    // editors behind a snapshot are DraftWindowRestartTests' business.
    private static readonly Dictionary<string, string?> _snapshotNever = new()
    {
        ["Newsroom__Drafts__SnapshotEvery"] = "1000000",
    };

    [Fact]
    public async Task ConfirmedText_IsExactlyThereAfterAKill_AcrossBatchesAndSnapshots()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, _snapshotOften);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await rosa.CreateDraftAsync("Budget: what changes");
        var editors = new List<DraftEditorClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                editors.Add(await DraftEditorClient.OpenAsync(i % 2 == 0 ? rosa : eddie, draftId, $"d{i}"));
            }

            // 3 x 70 edits: well over 40 updates, so several snapshots, and batches after the last one.
            await Task.WhenAll(editors.Select((e, i) => Type(e, new Random(100 + i), 70)));
            await AllConfirmed(editors);
            var metadata = await editors[1].Connection.InvokeAsync<JsonElement>(
                "SetMetadata", draftId, new { section = "Politics", tags = new[] { "budget" }, slug = "budget-changes" });
            var before = await rosa.ReadDraftAsync(draftId);
            var seen = DraftEditorClient.FieldNames.ToDictionary(f => f, f => (Version: editors[0].Version(f), Text: editors[0].Text(f)));
            foreach (var field in DraftEditorClient.FieldNames)
            {
                Assert.Equal(seen[field].Version, before.GetProperty("fields").GetProperty(field).GetProperty("version").GetInt32());
                Assert.All(editors, e => Assert.Equal(seen[field].Text, e.Text(field)));
            }

            Assert.NotEmpty(await Snapshots(azurite, draftId));
            await server.KillAsync();
            await server.RestartAsync();

            var after = await rosa.ReadDraftAsync(draftId);
            Assert.Equal(metadata.GetRawText(), after.GetProperty("metadata").GetRawText());
            foreach (var field in DraftEditorClient.FieldNames)
            {
                var view = after.GetProperty("fields").GetProperty(field);
                Assert.Equal(seen[field].Version, view.GetProperty("version").GetInt32());
                Assert.Equal(seen[field].Text, JsStrings.Read(view.GetProperty("text")));
            }

            // And editing goes on from there: the same editors reconnect and keep converging.
            foreach (var editor in editors)
            {
                await editor.ReconnectAsync();
            }

            await Task.WhenAll(editors.Select((e, i) => Type(e, new Random(200 + i), 15)));
            await AllConfirmed(editors);
            await AssertConverged(rosa, draftId, editors);
        }
        finally
        {
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task EverythingAnEditorSaw_SurvivesAKillMidTyping_AndUnconfirmedEditsAreResent()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, _snapshotNever);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var ada = await server.SignInAsync("ada", "ada-demo");
        var draftId = await rosa.CreateDraftAsync("Storm warning");
        var editors = new List<DraftEditorClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                editors.Add(await DraftEditorClient.OpenAsync(i % 2 == 0 ? rosa : ada, draftId, $"k{i}"));
            }

            using var typing = new CancellationTokenSource();
            var typists = editors.Select((e, i) => TypeUntil(e, new Random(300 + i), typing.Token)).ToList();
            await editors[0].WaitUntilAsync(e => e.Version("body") >= 60, _wait, "60 body updates before the kill");
            await server.KillAsync();
            await typing.CancelAsync();
            await Task.WhenAll(typists);
            foreach (var editor in editors)
            {
                // Typed while the server is gone: unconfirmed until resent after the restart.
                editor.Edit("body", doc => [new(doc.Length, Insert: " (offline)")]);
            }

            // What each editor had seen from the server when it died (nothing arrives after that).
            var seen = editors.Select(e => DraftEditorClient.FieldNames.ToDictionary(f => f, f => (Version: e.Version(f), Text: e.SyncedText(f)))).ToList();
            Assert.All(editors, e => Assert.True(e.UnconfirmedCount > 0));

            await server.RestartAsync();
            var after = await rosa.ReadDraftAsync(draftId);
            foreach (var field in DraftEditorClient.FieldNames)
            {
                var view = after.GetProperty("fields").GetProperty(field);
                var serverVersion = view.GetProperty("version").GetInt32();
                var serverText = JsStrings.Read(view.GetProperty("text"));
                foreach (var editorSaw in seen)
                {
                    var (version, text) = editorSaw[field];
                    Assert.True(serverVersion >= version, $"{field}: the server restarted at version {serverVersion}, but an editor had seen {version}.");
                    // The server's updates after what the editor saw, applied to what it saw, give the server's
                    // text: nothing the editor saw was lost or changed.
                    Assert.Equal(serverText, await ApplyPulled(rosa, draftId, field, version, text));
                }
            }

            foreach (var editor in editors)
            {
                await editor.ReconnectAsync(resendBeforePull: editor == editors[0]);
            }

            await AllConfirmed(editors);
            await AssertConverged(rosa, draftId, editors);
        }
        finally
        {
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task StorageRefusing_IsAnsweredBusy_AndTheEditorsSendAgainWithoutReopening_SoEditsAreKeptOnce()
    {
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        await using var server = await NewsroomServer.StartAsync(azurite, _snapshotNever);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Outage");
        var editors = new List<DraftEditorClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                editors.Add(await DraftEditorClient.OpenAsync(rosa, draftId, $"o{i}"));
            }

            await Task.WhenAll(editors.Select((e, i) => Type(e, new Random(400 + i), 20)));
            await AllConfirmed(editors);

            await azurite.StopGracefullyAsync();
            for (var i = 0; i < editors.Count; i++)
            {
                var marker = $"[during outage {i}]";
                editors[i].Edit("body", doc => [new(doc.Length, Insert: marker)]);
            }

            // Nothing can be durable now: every editor's push is answered busy (the failed append, the calls to the
            // broken activation, then a new activation that cannot read the draft), never refused, and kept.
            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.BusyAnswers.Count >= 2, _wait, "the pushes to be answered busy while storage is down");
                Assert.True(editor.UnconfirmedCount > 0);
            }

            // The editors go on sending on their own (as the page does after a busy answer): no reopening.
            await azurite.RestartAsync();
            await AllConfirmed(editors);
            await AssertConverged(rosa, draftId, editors);
            Assert.All(editors, e => Assert.True(e.Errors.IsEmpty, string.Join(" | ", e.Errors)));
            var body = editors[0].Text("body");
            for (var i = 0; i < editors.Count; i++)
            {
                var marker = $"[during outage {i}]";
                Assert.Equal(body.IndexOf(marker, StringComparison.Ordinal), body.LastIndexOf(marker, StringComparison.Ordinal));
                Assert.Contains(marker, body, StringComparison.Ordinal);
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

    // The blob log's layout (DraftLogOptions): draft-snapshots/{id}/snapshot-{sequence}.json.
    private static async Task<List<string>> Snapshots(Azurite azurite, string draftId)
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("draft-snapshots");
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{draftId}/snapshot-", CancellationToken.None))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private static async Task Type(DraftEditorClient editor, Random random, int edits)
    {
        for (var i = 0; i < edits; i++)
        {
            editor.Edit(random.NextDouble() < 0.85 ? "body" : "standfirst", doc => RandomEdits.Next(random, doc));
            await Task.Delay(random.Next(0, 3));
        }
    }

    private static async Task TypeUntil(DraftEditorClient editor, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            editor.Edit(random.NextDouble() < 0.85 ? "body" : "headline", doc => RandomEdits.Next(random, doc));
            await Task.Delay(random.Next(1, 5), CancellationToken.None);
        }
    }

    private static async Task AllConfirmed(List<DraftEditorClient> editors)
    {
        foreach (var editor in editors)
        {
            await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0, _wait, "every edit confirmed");
        }
    }

    private static async Task AssertConverged(StaffSession session, string draftId, List<DraftEditorClient> editors)
    {
        var server = await session.ReadDraftAsync(draftId);
        foreach (var field in DraftEditorClient.FieldNames)
        {
            var view = server.GetProperty("fields").GetProperty(field);
            var version = view.GetProperty("version").GetInt32();
            var text = JsStrings.Read(view.GetProperty("text"));
            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.Version(field) >= version, _wait, $"{field} at version {version}");
                Assert.Empty(editor.Errors);
                Assert.Equal(text, editor.Text(field));
            }
        }
    }

    private static async Task<string> ApplyPulled(StaffSession session, string draftId, string field, int fromVersion, string text)
    {
        await using var connection = session.Connect();
        await connection.StartAsync();
        var pulled = await connection.InvokeAsync<JsonElement>("PullUpdates", draftId, field, fromVersion);
        foreach (var update in pulled.GetProperty("updates").EnumerateArray())
        {
            text = ChangeSet.FromJson(update.GetProperty("changes")).Apply(text);
        }

        return text;
    }
}
