using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "server" mode: automerge-paper typed into one draft's body through the real server on Azurite, by an
/// editor that batches keystrokes as the browser does, while a second editor watches; then the draft is
/// reactivated by fresh server processes.
/// </summary>
internal static class ServerReplayBenchmark
{
    public const string Usage = "[--reactivations N (5)] [--max-unconfirmed N (4000)]";

    // The browser splits a backlog into pushes of at most this many updates (DraftLimits.MaxUpdatesPerPush).
    private const int MaxUpdatesPerPush = 1000;

    private const double TargetEditsPerSecond = 25_000;
    private const double TargetOtherClientMs = 100;
    private const double TargetReactivationMs = 200;

    private static readonly TimeSpan _settleTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan _finalTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParseOptions(args, out var reactivations, out var maxUnconfirmed))
        {
            Console.Error.WriteLine($"usage: server {Usage}");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; measure with `dotnet run -c Release`.");
#endif
        var trace = AutomergeTrace.Load(AutomergeTrace.DefaultPath);
        Console.WriteLine($"trace:   {AutomergeTrace.DefaultPath}");
        Console.WriteLine($"         {trace.Edits.Length:N0} edits, {trace.StartContent.Length:N0} -> {trace.EndContent.Length:N0} chars");
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; server {NewsroomServer.ServerAssembly}");

        await using var azurite = await Azurite.StartAsync(inMemory: false);
        var server = await NewsroomServer.StartAsync(azurite);
        await using var serverScope = server;
        using var session = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await session.CreateDraftAsync("automerge-paper");

        var writer = await DraftEditorClient.OpenAsync(session, draftId, "writer", MaxUpdatesPerPush, recordEvents: false);
        var observer = await DraftEditorClient.OpenAsync(session, draftId, "observer", recordEvents: false);
        if (trace.StartContent.Length > 0)
        {
            writer.EditDocument("body", _ => [new ChangeSpec(0, null, trace.StartContent)]);
            await writer.WaitUntilAsync(w => w.UnconfirmedCount == 0, _settleTimeout, "the start content to be confirmed");
        }

        var startVersion = writer.Version("body");
        var cpu = new CpuMeter(Processes(server, azurite));
        var clock = Stopwatch.StartNew();
        var edits = 0;
        var backpressureWaits = 0;
        var lastEdit = 0.0;
        var nextProgress = TimeSpan.FromSeconds(5);
        foreach (var edit in trace.Edits)
        {
            if ((edits & 1023) == 0 && clock.Elapsed > nextProgress)
            {
                nextProgress += TimeSpan.FromSeconds(5);
                Console.Error.WriteLine($"  {clock.Elapsed.TotalSeconds:0} s: {edits:N0} edits made; writer {writer.Describe()}; other editor body v{observer.Version("body")}");
            }

            // Bounded memory, as a real typist is bounded by the keyboard: wait for confirmations when far ahead.
            if ((edits & 255) == 0 && writer.UnconfirmedCount > maxUnconfirmed)
            {
                backpressureWaits++;
                await writer.WaitUntilAsync(w => w.UnconfirmedCount <= maxUnconfirmed / 2, _settleTimeout, "the writer's backlog to shrink");
            }

            var changes = writer.EditDocument("body", _ => [new ChangeSpec(edit.Position, edit.Position + edit.DeleteCount, edit.Insert)]);
            if (!changes.IsEmpty)
            {
                edits++;
            }
        }

        lastEdit = clock.Elapsed.TotalMilliseconds;
        var target = startVersion + edits;
        double? ackedAt = null;
        double? observerFinalAt = null;
        await Task.WhenAll(
            writer.WaitUntilAsync(
                w =>
                {
                    if (w.UnconfirmedCount == 0 && w.Version("body") == target)
                    {
                        ackedAt ??= clock.Elapsed.TotalMilliseconds;
                        return true;
                    }

                    return false;
                },
                _finalTimeout,
                "the writer's last update to be confirmed"),
            observer.WaitUntilAsync(
                o =>
                {
                    if (o.Version("body") == target && o.Text("body") == trace.EndContent)
                    {
                        observerFinalAt ??= clock.Elapsed.TotalMilliseconds;
                        return true;
                    }

                    return false;
                },
                _finalTimeout,
                "the other editor to have the final text"));
        var load = cpu.Report();

        var failures = new List<string>();
        Check(failures, "writer", writer.Text("body"), trace.EndContent);
        Check(failures, "other editor", observer.Text("body"), trace.EndContent);
        var durable = await session.ReadDraftAsync(draftId);
        Check(failures, "server (OpenDraft)", BodyText(durable), trace.EndContent);
        failures.AddRange(writer.Errors.Select(e => $"writer was refused: {e}"));
        await writer.DisposeAsync();
        await observer.DisposeAsync();

        // Each try is a new process, so each OpenDraft activates the grain from storage: the latest snapshot
        // and the log after it. Starting the process is not timed; the first OpenDraft in it is. For the
        // diagnosis only: an empty draft opened first in a fresh process (cold process, nothing to load), and
        // the replayed draft opened second in the same process (warm process, cold grain).
        var emptyDraftId = await session.CreateDraftAsync("empty");
        var reactivationMs = new List<double>();
        var emptyColdMs = new List<double>();
        var warmProcessMs = new List<double>();
        for (var i = 0; i < reactivations; i++)
        {
            reactivationMs.Add(await TimeOpenInFreshProcessAsync(server, session, [draftId], failures, trace.EndContent));
        }

        for (var i = 0; i < reactivations; i++)
        {
            var both = await TimeOpensInFreshProcessAsync(server, session, [emptyDraftId, draftId], failures, trace.EndContent);
            emptyColdMs.Add(both[0]);
            warmProcessMs.Add(both[1]);
        }

        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                Console.Error.WriteLine($"FAILED: {failure}");
            }

            return 1;
        }

        var durableMs = ackedAt!.Value;
        var editsPerSecond = edits / (durableMs / 1000);
        // Both are seen in this process, each on its own connection: the other editor's copy of the last batch
        // can arrive before the writer's, and then it had the final text "before" the ack, which counts as 0.
        var rawOtherMs = observerFinalAt!.Value - durableMs;
        var otherMs = Math.Max(0, rawOtherMs);
        var reactivation = Measurement.Median(reactivationMs);
        Console.WriteLine();
        Console.WriteLine("| figure | value | target |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| edits (updates pushed, at most {MaxUpdatesPerPush} per push) | {edits:N0} | |");
        Console.WriteLine($"| typist done (all edits made locally) | {lastEdit:N0} ms ({backpressureWaits} backpressure waits at > {maxUnconfirmed:N0} unconfirmed) | |");
        Console.WriteLine($"| first edit to last durable ack | {durableMs:N0} ms | |");
        Console.WriteLine($"| durable edits/s | {editsPerSecond:N0} | >= {TargetEditsPerSecond:N0} {Verdict(editsPerSecond >= TargetEditsPerSecond)} |");
        Console.WriteLine($"| other editor has endContent, after last ack | {otherMs:0.0} ms (measured {rawOtherMs:0.0}) | <= {TargetOtherClientMs} ms {Verdict(otherMs <= TargetOtherClientMs)} |");
        Console.WriteLine($"| reactivation: first OpenDraft in a fresh process, median of {reactivations} | {reactivation:0.0} ms ({string.Join(", ", reactivationMs.Select(m => m.ToString("0.0")))}) | < {TargetReactivationMs} ms {Verdict(reactivation < TargetReactivationMs)} |");
        Console.WriteLine($"| diagnosis: empty draft, first OpenDraft in a fresh process, median | {Measurement.Median(emptyColdMs):0.0} ms | |");
        Console.WriteLine($"| diagnosis: replayed draft opened right after that, same process, median | {Measurement.Median(warmProcessMs):0.0} ms | |");
        Console.WriteLine($"| CPU during the replay | {load} | |");
        Console.WriteLine();
        Console.WriteLine($"server replay: {editsPerSecond:0} edits/s durable, other client final after {otherMs:0.0} ms, reactivation {reactivation:0.0} ms");
        return 0;
    }

    private static async Task<double> TimeOpenInFreshProcessAsync(
        NewsroomServer server, StaffSession session, string[] draftIds, List<string> failures, string endContent) =>
        (await TimeOpensInFreshProcessAsync(server, session, draftIds, failures, endContent))[0];

    // Opens the drafts one after another on one connection to a freshly started server; the last is checked against endContent.
    private static async Task<double[]> TimeOpensInFreshProcessAsync(
        NewsroomServer server, StaffSession session, string[] draftIds, List<string> failures, string endContent)
    {
        await server.KillAsync();
        await server.RestartAsync();
        await using var connection = session.Connect();
        await connection.StartAsync();
        var times = new double[draftIds.Length];
        JsonElement view = default;
        for (var i = 0; i < draftIds.Length; i++)
        {
            var open = Stopwatch.StartNew();
            view = await connection.InvokeAsync<JsonElement>("OpenDraft", draftIds[i]);
            times[i] = open.Elapsed.TotalMilliseconds;
        }

        Check(failures, "reactivated draft", BodyText(view), endContent);
        return times;
    }

    internal static IEnumerable<(string Name, int Pid)> Processes(NewsroomServer server, Azurite azurite) => Processes([server], azurite);

    /// <summary>This process, every silo ("server", or "server 0", "server 1", … for a cluster) and Azurite.</summary>
    internal static IEnumerable<(string Name, int Pid)> Processes(IReadOnlyList<NewsroomServer> silos, Azurite azurite)
    {
        yield return ("benchmark", Environment.ProcessId);
        foreach (var (silo, i) in silos.Select((s, i) => (s, i)))
        {
            yield return (silos.Count == 1 ? "server" : $"server {i}", silo.Process.Id);
        }

        if (CpuMeter.FindAzurite(azurite.Location) is { } pid)
        {
            yield return ("azurite", pid);
        }
    }

    internal static string BodyText(JsonElement view) => JsStrings.Read(view.GetProperty("fields").GetProperty("body").GetProperty("text"));

    private static string Verdict(bool met) => met ? "met" : "NOT MET";

    private static void Check(List<string> failures, string who, string text, string expected)
    {
        if (text != expected)
        {
            failures.Add($"{who} ends with {text.Length:N0} chars that are not endContent ({expected.Length:N0} chars).");
        }
    }

    private static bool TryParseOptions(string[] args, out int reactivations, out int maxUnconfirmed)
    {
        reactivations = 5;
        maxUnconfirmed = 4000;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--reactivations":
                    reactivations = value;
                    break;
                case "--max-unconfirmed":
                    maxUnconfirmed = value;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
