using System.Diagnostics;

namespace Newsroom.Benchmarks;

/// <summary>One thing to time: a run that produces a result, and a check of that result kept out of the timing.</summary>
internal sealed class Workload
{
    private readonly Func<RunSample> _measure;

    private Workload(string name, Func<RunSample> measure)
    {
        Name = name;
        _measure = measure;
    }

    public string Name { get; }

    /// <summary><paramref name="check"/> throws if a run's result is wrong; it runs after every run, outside the measurement.</summary>
    public static Workload Create<T>(string name, Func<T> run, Action<T> check) => new(name, () =>
    {
        // Start every run from the same heap state, so one run's garbage is not collected in the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var gen0 = GC.CollectionCount(0);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var result = run();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var sample = new RunSample(
            elapsed.TotalMilliseconds,
            GC.GetAllocatedBytesForCurrentThread() - allocated,
            GC.CollectionCount(0) - gen0);
        check(result);
        return sample;
    });

    public RunSample Measure() => _measure();
}
