using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "editors" mode: N SignalR editors in one draft, each typing 5 edits/s at its own line, through the
/// real server on Azurite. This process holds every sender and every observer, so latencies are on one clock.
/// </summary>
internal static class LiveEditorsBenchmark
{
    public const string Usage = "[--steps 10,50,150,200,300,400,500,600] [--warmup S (3)] [--measure S (12)] [--rate N (5)] [--crowd N (2000; 0: none)] [--stall MS (0)]";

    private const double CliffMs = 1000;
    private const double TargetAt50Ms = 30;
    private const double TargetAt150Ms = 50;
    private const double TargetAt300Ms = 50;
    private const int GeneratorWarmupEditors = 100;

    private static readonly TimeSpan _generatorWarmup = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan _settleTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParseOptions(args, out var options))
        {
            Console.Error.WriteLine($"usage: editors {Usage}");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; measure with `dotnet run -c Release`.");
#endif
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; server {NewsroomServer.ServerAssembly}");
        Console.WriteLine(
            $"each editor types {options.Rate} edits/s at its own line; {options.Warmup.TotalSeconds:0} s warm-up, " +
            $"{options.Measure.TotalSeconds:0} s measured; every editor observes every other one");
        if (options.Stall > TimeSpan.Zero)
        {
            Console.WriteLine($"the server is stopped (SIGSTOP) for {options.Stall.TotalMilliseconds:0} ms a third into each measured window");
        }

        Console.WriteLine();

        Console.WriteLine("a fresh server and Azurite for each step, as a silo that has just started (or taken over) meets its editors");
        // The load generator is one process for every step and must not be cold itself: its editors rebase and apply
        // every update too, and a cold generator fell behind, pushed from older versions, and made the server rebase more.
        var warming = Stopwatch.StartNew();
        await using (var azurite = await Azurite.StartAsync(inMemory: false))
        await using (var server = await NewsroomServer.StartAsync(azurite, NewsroomServer.ProductionRuntime))
        using (var session = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password))
        {
            await RunStepAsync(session, [server], azurite, GeneratorWarmupEditors, options with { Warmup = TimeSpan.Zero, Measure = _generatorWarmup, Stall = TimeSpan.Zero });
        }

        Console.WriteLine(
            $"the load generator was warmed first: {GeneratorWarmupEditors} editors for {_generatorWarmup.TotalSeconds:0} s on a server of its own " +
            $"({warming.Elapsed.TotalSeconds:0} s in all)");
        Console.WriteLine();
        Console.WriteLine("| editors | edits/s made | samples (of expected) | p50 ms | p95 ms | p99 ms | max ms | converged after | CPU |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var steps = new List<EditorsStep>();
        var failed = false;
        foreach (var n in options.Steps)
        {
            EditorsStep step;
            await using (var azurite = await Azurite.StartAsync(inMemory: false))
            await using (var server = await NewsroomServer.StartAsync(azurite, NewsroomServer.ProductionRuntime))
            using (var session = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password))
            {
                step = await RunStepAsync(session, [server], azurite, n, options);
            }

            steps.Add(step);
            Console.WriteLine(
                $"| {step.Editors} | {step.EditsPerSecond:N0} | {step.Samples:N0} ({step.ExpectedSamples:N0}) | {step.P50Ms:0.0} | {step.P95Ms:0.0} | " +
                $"{step.P99Ms:0.0} | {step.MaxMs:0.0} | {(step.Settled ? $"{step.ConvergeMs:N0} ms" : "did not settle")} | {step.Load} |");
            if (step.Mismatches > 0)
            {
                Console.Error.WriteLine($"FAILED: at {n} editors, {step.Mismatches} editors do not end with the server's text.");
                failed = true;
            }

            if (IsPastCliff(step) || failed)
            {
                break;
            }
        }

        var crowd = options.Crowd > 0 ? await CrowdAsync(options.Crowd) : null;
        var at50 = steps.FirstOrDefault(s => s.Editors == 50);
        var at150 = steps.FirstOrDefault(s => s.Editors == 150);
        var at300 = steps.FirstOrDefault(s => s.Editors == 300);
        var cliff = steps.FirstOrDefault(IsPastCliff);
        Console.WriteLine();
        Console.WriteLine(
            $"target: p99 <= {TargetAt50Ms} ms at 50 {Verdict(at50, TargetAt50Ms)}, <= {TargetAt150Ms} ms at 150 {Verdict(at150, TargetAt150Ms)}, " +
            $"<= {TargetAt300Ms} ms at 300 {Verdict(at300, TargetAt300Ms)}");
        Console.WriteLine(
            $"live editors: p99 {Figure(at50)} ms at 50, {Figure(at150)} ms at 150, {Figure(at300)} ms at 300, cliff at " +
            (cliff is not null ? $"{cliff.Editors}" : $"none up to {steps[^1].Editors}") +
            (crowd is null ? "" : string.Create(
                CultureInfo.InvariantCulture, $"; connect {crowd.Connections} in {crowd.Seconds:0.0} s; {crowd.KbPerConnection:0} KB per connection")));
        return failed ? 1 : 0;
    }

    private static async Task<DraftCrowd.Result> CrowdAsync(int connections)
    {
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        await using var server = await NewsroomServer.StartAsync(azurite, NewsroomServer.ProductionRuntime);
        using var session = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var crowd = await DraftCrowd.MeasureAsync(server, session, connections);
        Console.WriteLine();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{connections} connections opened one draft in {crowd.Seconds:0.0} s; each heard {crowd.PresencePerConnection:0.0} presence " +
            $"messages while they joined ({crowd.PresencePerConnectionPerSecond:0.0}/s; one per 100 ms interval at most is O(1)); " +
            $"{crowd.KbPerConnection:0.0} KB resident and {crowd.ManagedKbPerConnection:0.0} KB managed per connection after a full collection"));
        return crowd;
    }

    /// <summary>One step of <paramref name="n"/> editors, spread over <paramref name="silos"/> (the first also answers the admin's questions).</summary>
    internal static async Task<EditorsStep> RunStepAsync(StaffSession session, IReadOnlyList<NewsroomServer> silos, Azurite azurite, int n, EditorsOptions options)
    {
        var server = silos[0];
        var draftId = await session.CreateDraftAsync($"{n} editors");
        await WriteMarkerLinesAsync(session, draftId, n);
        var (openedAt, openedText) = await ReadBodyAsync(session, draftId);

        var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
        var capacity = (int)((options.Warmup + options.Measure).TotalSeconds * options.Rate) + 16;
        var editors = Enumerable.Range(0, n).Select(i => new TypingEditor(i, capacity)).ToArray();
        var log = new DraftUpdateLog(openedAt, (n * capacity) + 16, n);
        var seats = editors.Select(_ => new CrowdSeat(session.Cookies, $"draft:{draftId}", "OpenDraft", draftId)).ToList();
        await using var crowd = await ReaderCrowd.JoinAsync(silos, "hubs/staff", seats, (seat, message, at) => editors[seat].Heard(message, at), parallel: 16);
        foreach (var editor in editors)
        {
            editor.Start(crowd, log, draftId, openedAt, openedText);
        }

        var latencies = new LatencyHistogram();
        var start = Stopwatch.GetTimestamp();
        var windowStart = start + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(options.Measure.TotalSeconds * Stopwatch.Frequency);
        foreach (var editor in editors)
        {
            editor.Observe(editors, latencies, windowStart, windowEnd);
        }

        using var admin = await server.SignInAsync("ada", "ada-demo");
        var collectionsBefore = await ServerCollections.ReadAsync(admin);
        var cpu = new CpuMeter(ServerReplayBenchmark.Processes(silos, azurite));
        var framesBefore = crowd.MessagesReceived;
        var random = new Random(n);
        var stall = options.Stall > TimeSpan.Zero
            ? StallAsync(server, windowStart + ((windowEnd - windowStart) / 3), options.Stall)
            : Task.CompletedTask;
        await Task.WhenAll(editors.Select(e => Task.Run(() => e.TypeAsync(interval, interval * random.NextDouble(), windowEnd))));
        await stall;
        var load = cpu.Report();
        var typedFor = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var framesPerEditor = (crowd.MessagesReceived - framesBefore) / (double)n / typedFor;
        var collections = (await ServerCollections.ReadAsync(admin)).Since(collectionsBefore, typedFor);
        var made = editors.Sum(e => e.Made);

        // Past the cliff this process, which holds every editor, falls behind its own connections. Busy answers were
        // retried; an editor that was refused or lost its connection is not reopened: the step is past the cliff.
        var refused = editors.Count(e => !e.Errors.IsEmpty);
        var busy = editors.Count(e => !e.BusyAnswers.IsEmpty);
        var dropped = editors.Count(e => !e.IsConnected);
        if (refused + busy + dropped > 0)
        {
            Console.Error.WriteLine(
                $"note: at {n} editors, {refused} editors were refused, {busy} were told the draft did not answer in time " +
                $"(and retried), and {dropped} lost their connection while typing.");
            Console.Error.WriteLine($"  first refusal: {editors.SelectMany(e => e.Errors.Concat(e.BusyAnswers)).FirstOrDefault() ?? "(none)"}");
            PrintServerErrors(server);
        }

        // Converged: nothing unconfirmed anywhere, every editor at the version the server reports, the log it received
        // replayed is the server's text, and each editor's caret is where its own line ends in that text.
        var settle = Stopwatch.StartNew();
        var mismatches = 0;
        string? unsettled = null;
        var live = editors.Where(e => e.IsConnected && e.Errors.IsEmpty).ToArray();
        try
        {
            await Eventually.Until(
                () => Task.FromResult(live.Count(e => e.UnconfirmedCount > 0)), c => c == 0, _settleTimeout, "every editor's edits to be confirmed");
            var (serverVersion, serverText) = await ReadBodyAsync(session, draftId);
            await Eventually.Until(
                () => Task.FromResult(live.Count(e => e.Version < serverVersion)), c => c == 0, _settleTimeout, $"every editor to reach v{serverVersion}");
            var replayed = Replay(log, openedAt, openedText, serverVersion);
            if (replayed != serverText)
            {
                Console.Error.WriteLine($"the log replayed is {replayed.Length} chars against the server's {serverText.Length} at v{serverVersion}");
                mismatches++;
            }

            foreach (var editor in editors)
            {
                var line = replayed.IndexOf(TypingEditor.Marker(editor.Index), StringComparison.Ordinal);
                var expected = (replayed.IndexOf('\n', line), replayed.Length);
                if (editor.Version != serverVersion || editor.Position != expected)
                {
                    if (mismatches++ < 3)
                    {
                        Console.Error.WriteLine(
                            $"editor {editor.Index}: v{editor.Version}, caret and length {editor.Position} against v{serverVersion}, {expected}");
                    }
                }
            }

            // One update wrote the marker lines; then one update per edit, none lost or doubled.
            if (serverVersion != openedAt + made)
            {
                Console.Error.WriteLine($"note: the server holds v{serverVersion} after {made} edits (expected v{openedAt + made}).");
                mismatches++;
            }
        }
        catch (TimeoutException e)
        {
            unsettled = e.Message;
            Console.Error.WriteLine($"note: at {n} editors the draft did not settle: {e.Message}");
        }

        var convergeMs = settle.Elapsed.TotalMilliseconds;
        Console.Error.WriteLine($"sync at {n} editors: {EditorSyncCounts.Summary(editors.Select(e => e.Sync))}");
        var measuredEdits = editors.Sum(e => CountInWindow(e, windowStart, windowEnd));
        await Task.WhenAll(editors.Select(e => e.StopAsync()));

        return new EditorsStep(
            n,
            made / typedFor,
            latencies.Count,
            measuredEdits * (n - 1),
            latencies.PercentileMs(50),
            latencies.PercentileMs(95),
            latencies.PercentileMs(99),
            latencies.MaxMs,
            convergeMs,
            mismatches,
            refused + busy + dropped,
            unsettled is null,
            $"{load}; {framesPerEditor:0} frames/s to each editor; {collections}");
    }

    // Stops the server at `at` for `length`, as a full collection or the host taking the cores would: the editors keep
    // typing, and the draft should come back to its usual latency, not fall further and further behind.
    private static async Task StallAsync(NewsroomServer server, long at, TimeSpan length)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await server.Process.SignalAsync("-STOP");
        try
        {
            await Task.Delay(length);
        }
        finally
        {
            await server.Process.SignalAsync("-CONT");
        }
    }

    // The edits stamped inside the measured window, which every other editor should have timed.
    private static long CountInWindow(TypingEditor editor, long windowStart, long windowEnd) =>
        editor.MadeAt.Take(editor.Made).LongCount(t => t >= windowStart && t < windowEnd);

    private static async Task WriteMarkerLinesAsync(StaffSession session, string draftId, int n)
    {
        var body = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            body.Append(TypingEditor.Marker(i)).Append('\n');
        }

        await using var setup = await DraftEditorClient.OpenAsync(session, draftId, "setup");
        var lines = body.ToString();
        setup.Edit("body", _ => [new ChangeSpec(0, null, lines)]);
        await setup.WaitUntilAsync(c => c.UnconfirmedCount == 0, _settleTimeout, "the marker lines to be confirmed");
    }

    private static async Task<(int Version, string Text)> ReadBodyAsync(StaffSession session, string draftId)
    {
        var view = await session.ReadDraftAsync(draftId);
        return (view.GetProperty("fields").GetProperty("body").GetProperty("version").GetInt32(), ServerReplayBenchmark.BodyText(view));
    }

    // The body the editors' log makes from the one they opened.
    private static string Replay(DraftUpdateLog log, int openedAt, string openedText, int version)
    {
        var text = new CollabText(openedText);
        for (var position = openedAt; position < version; position++)
        {
            text.Apply(log[position].Changes);
        }

        return text.ToString();
    }

    // A step that needed reconnects or did not settle is past the cliff whatever its percentiles say.
    private static bool IsPastCliff(EditorsStep step) => step.P99Ms > CliffMs || step.Interrupted > 0 || !step.Settled;

    // What the server logged about a refusal that reached an editor as "an unexpected error".
    private static void PrintServerErrors(NewsroomServer server)
    {
        var lines = server.Process.Output.Split('\n');
        var failure = Array.FindIndex(lines, l => l.Contains("fail:", StringComparison.Ordinal));
        foreach (var line in lines.Skip(Math.Max(0, failure)).Take(failure < 0 ? 0 : 12))
        {
            Console.Error.WriteLine($"  server: {line}");
        }
    }

    private static string Figure(EditorsStep? step) => step is null ? "n/a" : step.P99Ms.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Verdict(EditorsStep? step, double targetMs) =>
        step is null ? "(not run)" : step.P99Ms <= targetMs ? "met" : "NOT MET";

    private static bool TryParseOptions(string[] args, out EditorsOptions options)
    {
        options = new EditorsOptions([10, 50, 150, 200, 300, 400, 500, 600], TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12), 5, 2000, TimeSpan.Zero);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--steps":
                    var steps = value.Split(',').Select(s => int.TryParse(s, out var v) && v >= 2 ? v : -1).ToArray();
                    if (steps.Any(s => s < 0))
                    {
                        return false;
                    }

                    options = options with { Steps = steps };
                    break;
                case "--warmup" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s >= 0:
                    options = options with { Warmup = TimeSpan.FromSeconds(s) };
                    break;
                case "--measure" when double.TryParse(value, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options = options with { Measure = TimeSpan.FromSeconds(s) };
                    break;
                case "--rate" when double.TryParse(value, CultureInfo.InvariantCulture, out var r) && r > 0:
                    options = options with { Rate = r };
                    break;
                case "--crowd" when int.TryParse(value, CultureInfo.InvariantCulture, out var c) && c >= 0:
                    options = options with { Crowd = c };
                    break;
                case "--stall" when int.TryParse(value, CultureInfo.InvariantCulture, out var ms) && ms is >= 0 and <= 10_000:
                    options = options with { Stall = TimeSpan.FromMilliseconds(ms) };
                    break;
                default:
                    return false;
            }
        }

        return true;
    }
}
