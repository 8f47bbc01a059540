using System.ComponentModel;
using System.Runtime.InteropServices;
using Newsroom.Core.Changes;
using Newsroom.Core.Documents;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "trace" mode: replays automerge-paper (every keystroke of a real paper) through the draft engine
/// exactly as the draft grain applies edits, and through Yjs in Node on the same machine for comparison.
/// </summary>
internal static class TraceReplayBenchmark
{
    public const string Usage = "[--runs N (15)] [--warmup N (5)] [--yjs-runs N (5)] [--yjs-warmup N (2)]";

    // The issue's bar: the draft engine must leave a CRDT far behind, or a sequencer grain buys nothing.
    private const double TargetRatio = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParseOptions(args, out var options))
        {
            Console.Error.WriteLine($"usage: trace {Usage}");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; measure with `dotnet run -c Release`.");
#endif
        var tracePath = AutomergeTrace.DefaultPath;
        var trace = AutomergeTrace.Load(tracePath);
        Console.WriteLine($"trace:   {tracePath}");
        Console.WriteLine($"         {trace.Edits.Length:N0} edits, {trace.StartContent.Length:N0} -> {trace.EndContent.Length:N0} chars");
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores");
        Console.WriteLine();

        Measurement.Summary[] csharp;
        try
        {
            csharp = Measurement.Run(
                [
                    Workload.Create("C# DraftText + ChangeSet.Of/Apply (as grain)", () => ReplayWithChangeSets(trace), text => Check(trace, text)),
                    Workload.Create("  of which ChangeSet.Of alone (no text)", () => BuildChangeSets(trace), length => CheckLength(trace, length)),
                    Workload.Create("C# DraftText.Replace (reference)", () => ReplayWithReplace(trace), text => Check(trace, text)),
                ],
                options.Runs,
                options.Warmup);
        }
        catch (ReplayMismatchException e)
        {
            Console.Error.WriteLine($"FAILED: {e.Message}");
            return 1;
        }

        YjsTraceResult yjs;
        try
        {
            yjs = await YjsPeer.ReplayTraceAsync(tracePath, options.YjsRuns, options.YjsWarmup, TimeSpan.FromMinutes(15));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Win32Exception)
        {
            Console.Error.WriteLine($"FAILED: Yjs could not run: {e.Message}");
            return 1;
        }

        if (!yjs.MatchesEndContent || yjs.Edits != trace.Edits.Length)
        {
            Console.Error.WriteLine($"FAILED: Yjs replayed {yjs.Edits:N0} edits to {yjs.FinalLength:N0} chars, which is not endContent.");
            return 1;
        }

        PrintReport(trace, options, csharp, yjs);
        return 0;
    }

    private static void PrintReport(
        AutomergeTrace trace,
        TraceOptions options,
        Measurement.Summary[] csharp,
        YjsTraceResult yjs)
    {
        Console.WriteLine($"{"engine",-44} {"median ms",10} {"min ms",9} {"max ms",9} {"alloc/run",11} {"B/edit",7} {"gen0",5}");
        foreach (var summary in csharp)
        {
            PrintRow(summary, trace.Edits.Length);
        }

        Console.WriteLine(
            $"{$"Yjs {yjs.YjsVersion}, Node {yjs.NodeVersion}",-44} {yjs.MedianMs,10:F1} {yjs.RunsMs.Min(),9:F1} {yjs.RunsMs.Max(),9:F1} "
            + $"{Megabytes(yjs.MedianHeapGrowthBytes),11} {yjs.MedianHeapGrowthBytes / trace.Edits.Length,7:F0} {"",5}");
        Console.WriteLine();
        Console.WriteLine($"C#: {options.Runs} interleaved measured rounds after {csharp[0].WarmupRuns} warm-up rounds (at least {options.Warmup} and 2 s); alloc = GC.GetAllocatedBytesForCurrentThread per run.");
        Console.WriteLine($"Yjs: {yjs.RunsMs.Length} measured runs after {yjs.WarmupRuns} warm-up runs; alloc = heap growth with the Y.Doc alive ({Megabytes(yjs.HeapUsedBytes)} heap used in all).");
        Console.WriteLine();

        // The first workload is the grain's path: the one the issue's target is about.
        var csharpMs = csharp[0].MedianMs;
        var ratio = yjs.MedianMs / csharpMs;
        Console.WriteLine($"target: C# at least {TargetRatio}x faster than Yjs: {(ratio >= TargetRatio ? "met" : "NOT met")}");
        Console.WriteLine($"trace replay: C# {csharpMs:F2} ms, Yjs {yjs.MedianMs:F1} ms, ratio {ratio:F1}x");
    }

    // The draft grain's path: every edit arrives as a ChangeSet for the current length and is applied.
    private static DraftText ReplayWithChangeSets(AutomergeTrace trace)
    {
        var text = new DraftText(trace.StartContent);
        foreach (var (position, deleteCount, insert) in trace.Edits)
        {
            text.Apply(ChangeSet.Of(new ChangeSpec(position, position + deleteCount, insert), text.Length));
        }

        return text;
    }

    // Splits the ChangeSet path's cost: building the sets without touching any text. The running length
    // stands in for the document, and returning it keeps the JIT from dropping the work.
    private static int BuildChangeSets(AutomergeTrace trace)
    {
        var length = trace.StartContent.Length;
        foreach (var (position, deleteCount, insert) in trace.Edits)
        {
            length = ChangeSet.Of(new ChangeSpec(position, position + deleteCount, insert), length).NewLength;
        }

        return length;
    }

    private static DraftText ReplayWithReplace(AutomergeTrace trace)
    {
        var text = new DraftText(trace.StartContent);
        foreach (var (position, deleteCount, insert) in trace.Edits)
        {
            text.Replace(position, position + deleteCount, insert);
        }

        return text;
    }

    private static void Check(AutomergeTrace trace, DraftText text)
    {
        var actual = text.ToString();
        if (actual != trace.EndContent)
        {
            var at = actual.AsSpan().CommonPrefixLength(trace.EndContent);
            throw new ReplayMismatchException(
                $"the replayed text ({actual.Length:N0} chars) differs from endContent ({trace.EndContent.Length:N0} chars) at position {at:N0}.");
        }
    }

    private static void CheckLength(AutomergeTrace trace, int length)
    {
        if (length != trace.EndContent.Length)
        {
            throw new ReplayMismatchException($"the change sets end at length {length:N0}, not {trace.EndContent.Length:N0}.");
        }
    }

    private static void PrintRow(Measurement.Summary summary, int edits) =>
        Console.WriteLine(
            $"{summary.Name,-44} {summary.MedianMs,10:F2} {summary.MinMs,9:F2} {summary.MaxMs,9:F2} "
            + $"{Megabytes(summary.MedianAllocatedBytes),11} {summary.MedianAllocatedBytes / edits,7:F0} {summary.MedianGen0Collections,5:F0}");

    private static string Megabytes(double bytes) => $"{bytes / (1024 * 1024):F1} MB";

    private static bool TryParseOptions(string[] args, out TraceOptions options)
    {
        options = new TraceOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--runs": options = options with { Runs = value }; break;
                case "--warmup": options = options with { Warmup = value }; break;
                case "--yjs-runs": options = options with { YjsRuns = value }; break;
                case "--yjs-warmup": options = options with { YjsWarmup = value }; break;
                default: return false;
            }
        }

        return true;
    }

    private sealed record TraceOptions(int Runs = 15, int Warmup = 5, int YjsRuns = 5, int YjsWarmup = 2);

    private sealed class ReplayMismatchException(string message) : Exception(message);
}
