using System.Diagnostics;

namespace Newsroom.Benchmarks;

/// <summary>A small Stopwatch harness: warm up, then time several rounds and report medians.</summary>
internal static class Measurement
{
    // Tiered compilation promotes hot methods after a quiet period of about 100 ms and compiles them on a
    // background thread, which a busy machine starves: a few 15 ms runs do not reach optimized code, and
    // whichever workload went first used to be measured half-compiled. So warm up for a minimum time.
    private static readonly TimeSpan _minWarmupTime = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs every workload in rounds until warm (at least <paramref name="minWarmupRuns"/> rounds), then
    /// <paramref name="runs"/> measured rounds. Interleaving the workloads spreads any interference from
    /// other processes over all of them instead of one.
    /// </summary>
    public static Summary[] Run(IReadOnlyList<Workload> workloads, int runs, int minWarmupRuns)
    {
        var warmup = Stopwatch.StartNew();
        var warmupRuns = 0;
        while (warmupRuns < minWarmupRuns || warmup.Elapsed < _minWarmupTime)
        {
            foreach (var workload in workloads)
            {
                workload.Measure();
            }

            warmupRuns++;
        }

        var samples = workloads.Select(_ => new RunSample[runs]).ToArray();
        for (var i = 0; i < runs; i++)
        {
            for (var w = 0; w < workloads.Count; w++)
            {
                samples[w][i] = workloads[w].Measure();
            }
        }

        return [.. workloads.Select((workload, w) => new Summary(workload.Name, warmupRuns, samples[w]))];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    internal sealed record Summary(string Name, int WarmupRuns, RunSample[] Samples)
    {
        public double MedianMs => Median(Samples.Select(s => s.Milliseconds));

        public double MinMs => Samples.Min(s => s.Milliseconds);

        public double MaxMs => Samples.Max(s => s.Milliseconds);

        public double MedianAllocatedBytes => Median(Samples.Select(s => (double)s.AllocatedBytes));

        public double MedianGen0Collections => Median(Samples.Select(s => (double)s.Gen0Collections));
    }
}
