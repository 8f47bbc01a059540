namespace Newsroom.Benchmarks;

/// <summary>
/// Latencies in 0.1 ms buckets up to 10 s, recorded from many threads without locks: hundreds of observers
/// each seeing every edit make millions of samples, too many to keep one by one.
/// </summary>
internal sealed class LatencyHistogram
{
    private const double BucketMs = 0.1;
    private const int Buckets = 100_000;

    private readonly long[] _counts = new long[Buckets + 1];
    private long _count;
    private long _maxTicks;

    public long Count => Interlocked.Read(ref _count);

    public double MaxMs => Interlocked.Read(ref _maxTicks) / (double)TimeSpan.TicksPerMillisecond;

    public void Record(TimeSpan latency)
    {
        var bucket = (int)Math.Clamp(latency.TotalMilliseconds / BucketMs, 0, Buckets);
        Interlocked.Increment(ref _counts[bucket]);
        Interlocked.Increment(ref _count);
        var ticks = latency.Ticks;
        var max = Interlocked.Read(ref _maxTicks);
        while (ticks > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxTicks, ticks, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The upper edge of the bucket holding the <paramref name="percentile"/>th sample; the overflow bucket reads as the maximum.</summary>
    public double PercentileMs(double percentile)
    {
        var count = Count;
        if (count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(percentile / 100 * count);
        long seen = 0;
        for (var i = 0; i < Buckets; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return (i + 1) * BucketMs;
            }
        }

        return MaxMs;
    }
}
