using System.Diagnostics;
using System.Net;

namespace Newsroom.Benchmarks;

/// <summary>What one load run measured: requests per second in the measured window and their latency.</summary>
internal sealed record PageLoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, string Load);

/// <summary>
/// The load generator: <c>connections</c> keep-alive HTTP/1.1 connections, each asking for the page again as soon
/// as the last answer is read in full (a closed loop, as wrk does), in this process on the same machine as the server.
/// </summary>
internal static class PageLoad
{
    public static async Task<PageLoadResult> RunAsync(
        Uri url, int expectedLength, int connections, TimeSpan warmup, TimeSpan measure, IEnumerable<(string Name, int Pid)> processes)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new LatencyHistogram();
        long requests = 0;
        long errors = 0;
        var windowStart = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var windowEnd = windowStart + (long)(measure.TotalSeconds * Stopwatch.Frequency);
        var buffer = new ThreadLocal<byte[]>(() => new byte[64 * 1024]);

        async Task Connection()
        {
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                if (started >= windowEnd)
                {
                    return;
                }

                var ok = false;
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    var length = 0;
                    int read;
                    var chunk = buffer.Value!;
                    while ((read = await body.ReadAsync(chunk)) > 0)
                    {
                        length += read;
                    }

                    ok = response.StatusCode == HttpStatusCode.OK && length == expectedLength;
                }
                catch (HttpRequestException)
                {
                }

                var ended = Stopwatch.GetTimestamp();
                if (started >= windowStart && ended < windowEnd)
                {
                    Interlocked.Increment(ref requests);
                    latencies.Record(Stopwatch.GetElapsedTime(started, ended));
                    if (!ok)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }
        }

        var load = Enumerable.Range(0, connections).Select(_ => Task.Run(Connection)).ToArray();
        // The CPU meter reads the measured window only, as the latencies do.
        await Task.Delay(warmup);
        var cpu = new CpuMeter(processes);
        await Task.WhenAll(load);
        var report = cpu.Report();
        return new PageLoadResult(requests / measure.TotalSeconds, latencies.PercentileMs(50), latencies.PercentileMs(99), requests, errors, report);
    }
}
