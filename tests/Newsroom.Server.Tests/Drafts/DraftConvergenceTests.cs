using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Many editors, each running the browser's collab algorithm over its own hub connection, type at random into
/// one draft, drop their connections mid-flight and resend; all must end with exactly the server's text.
/// <c>NEWSROOM_CONVERGENCE_SEEDS=1000</c> runs 1,000 seeds instead of 100.
/// </summary>
public sealed class DraftConvergenceTests(SharedNewsroom newsroom, ITestOutputHelper output)
{
    private const int DefaultSeeds = 100;
    private const int ParallelSeeds = 8;
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RandomEditorsWithDropsAndResends_AllEndWithTheServersText()
    {
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("NEWSROOM_CONVERGENCE_SEEDS"), out var n) && n > 0 ? n : DefaultSeeds;
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        StaffSession[] sessions = [rosa, eddie, ada];
        var failures = new ConcurrentBag<string>();
        var updates = 0L;
        var clock = Stopwatch.StartNew();

        await Parallel.ForEachAsync(
            Enumerable.Range(1, seeds),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSeeds },
            async (seed, _) =>
            {
                try
                {
                    Interlocked.Add(ref updates, await RunSeed(seed, sessions));
                }
                catch (Exception e)
                {
                    failures.Add($"Seed {seed}: {e}");
                }
            });

        output.WriteLine($"{seeds} seeds, {updates} edits in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {seeds} seeds failed:\n{string.Join("\n\n", failures.Take(5))}");
    }

    private static async Task<long> RunSeed(int seed, StaffSession[] sessions)
    {
        var random = new Random(seed);
        var draftId = await sessions[0].CreateDraftAsync($"Seed {seed}");
        var editorCount = random.Next(3, 7);
        var editsEach = random.Next(20, 41);
        var editors = new List<DraftEditorClient>();
        try
        {
            for (var i = 0; i < editorCount; i++)
            {
                editors.Add(await DraftEditorClient.OpenAsync(sessions[i % sessions.Length], draftId, $"s{seed}e{i}"));
            }

            await Task.WhenAll(editors.Select((editor, i) => Type(editor, new Random(seed * 1000 + i), editsEach)));

            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0, _settle, $"seed {seed}: every edit confirmed");
            }

            var server = await sessions[0].ReadDraftAsync(draftId);
            foreach (var field in DraftEditorClient.FieldNames)
            {
                var expected = server.GetProperty("fields").GetProperty(field);
                var version = expected.GetProperty("version").GetInt32();
                var text = JsStrings.Read(expected.GetProperty("text"));
                Assert.Equal(text, await ReplayLog(sessions[0], draftId, field));
                foreach (var editor in editors)
                {
                    await editor.WaitUntilAsync(e => e.Version(field) >= version, _settle, $"seed {seed}: {field} at version {version}");
                    Assert.True(editor.Errors.IsEmpty, $"Seed {seed}: editor got refusals: {string.Join(" | ", editor.Errors)}");
                    Assert.Equal(version, editor.Version(field));
                    Assert.Equal(text, editor.Text(field));
                }
            }

            return editorCount * editsEach;
        }
        finally
        {
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }
        }
    }

    // The server's text must also be what its own history produces: every update from version 0, in order.
    private static async Task<string> ReplayLog(StaffSession session, string draftId, string field)
    {
        await using var connection = session.Connect();
        await connection.StartAsync();
        var pulled = await connection.InvokeAsync<JsonElement>("PullUpdates", draftId, field, 0);
        var text = "";
        foreach (var update in pulled.GetProperty("updates").EnumerateArray())
        {
            text = ChangeSet.FromJson(update.GetProperty("changes")).Apply(text);
        }

        return text;
    }

    private static async Task Type(DraftEditorClient editor, Random random, int edits)
    {
        var offlineFor = 0;
        for (var i = 0; i < edits; i++)
        {
            if (offlineFor == 0 && random.NextDouble() < 0.06)
            {
                await editor.DisconnectAsync();
                offlineFor = random.Next(1, 6);
            }

            // Mostly the body; the headline too, so fields are sequenced independently in shared batches.
            var field = random.NextDouble() < 0.8 ? "body" : "headline";
            editor.Edit(field, doc => RandomEdits.Next(random, doc));
            if (offlineFor > 0 && --offlineFor == 0)
            {
                await editor.ReconnectAsync(resendBeforePull: random.Next(2) == 0);
            }

            // A typing rhythm, not a wait: edits land while pushes of every kind are in flight.
            await Task.Delay(random.Next(0, 4));
        }

        if (offlineFor > 0)
        {
            await editor.ReconnectAsync(resendBeforePull: random.Next(2) == 0);
        }
    }
}
