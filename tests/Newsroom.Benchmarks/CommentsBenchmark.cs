using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "comments" mode, on the real server and Azurite: durable post acknowledgements in threads of 100, 1,000 and
/// 10,000 comments; 2,000 reader connections on one story receiving comments posted at 10 a second (time from each
/// post's acknowledgement to the last reader, memory per reader after a full collection in the server, time to connect
/// them all); and the server-render time of the first page of the 10,000-comment thread's article.
/// </summary>
internal static class CommentsBenchmark
{
    public const string Usage = "[--sizes 100,1000,10000] [--posts 200] [--readers 2000] [--rate 10] [--seconds 20]";

    private const string LivePrefix = "Live comment ";

    private static readonly TimeSpan _deliveryTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new[] { 100, 1_000, 10_000 };
        var (posts, readers, rate, seconds) = (200, 2_000, 10, 20);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes": sizes = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--posts": posts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--readers": readers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--rate": rate = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"usage: comments {Usage}");
                    return 2;
            }
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; measure with `dotnet run -c Release`.");
#endif
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; server {NewsroomServer.ServerAssembly}");
        Console.WriteLine($"threads of {string.Join(", ", sizes)} comments, {posts} timed posts each (one at a time, the threads taking turns); {readers} readers, {rate} comments/s for {seconds} s");
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        // The benchmark posts far faster than a person may (and one address posts for everyone); reader pages are not
        // kept, so a page read is a render.
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = "100000",
            ["Newsroom__RateLimits__CommentsPerIdentity__Every"] = "00:00:00.001",
            ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "100000",
            ["Newsroom__RateLimits__CommentsPerAddress__Every"] = "00:00:00.001",
            ["Newsroom__PublishedPages__MaxAge"] = "00:00:00",
            // Guests' comments go up at once, so that every filling post is in the thread.
            ["Newsroom__Comments__GuestApprovalsBeforeTrust"] = "0",
        });
        await using var desk = await PublishingDesk.OpenAsync(server);
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        // Threads are filled by many guests, as a thread is; the timed posts are one staff member's.
        var fillers = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => CommentPoster.ConnectAsync(server, null, $"Reader {i}")));
        await using var poster = await CommentPoster.ConnectAsync(server, rosa.Cookies);

        // The first thread would otherwise also pay for the server's first posts (code not yet compiled or tiered up).
        var (_, warmUp) = await desk.PublishAsync("A story to warm the comments up.", "Warm-up", "World");
        for (var p = 0; p < 100; p++)
        {
            await poster.PostAsync(warmUp, $"Warm-up comment {p}.");
        }

        Console.WriteLine();
        Console.WriteLine("| thread | post p50 ms | p95 ms | p99 ms | max ms | filled in |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var threads = new List<(int Size, string Slug, TimeSpan Filled, LatencyHistogram Took)>();
        foreach (var size in sizes)
        {
            var (_, slug) = await desk.PublishAsync($"A story with {size} comments under it.", $"Thread of {size}", "World");
            var filling = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(fillers.Select(async f =>
            {
                while (Interlocked.Increment(ref next) <= size)
                {
                    await f.PostAsync(slug, $"Comment {next} on the story: readers discuss what happened and why.");
                }
            }));
            threads.Add((size, slug, filling.Elapsed, new LatencyHistogram()));
        }

        // The threads take turns post by post, so the machine's noise (and the server's warming up) falls on each alike.
        for (var p = 0; p < posts; p++)
        {
            foreach (var thread in threads)
            {
                thread.Took.Record((await poster.PostAsync(thread.Slug, $"Timed comment {p}: a reader's view of the story.")).Took);
            }
        }

        var postP50 = new Dictionary<int, double>();
        foreach (var (size, _, filled, took) in threads)
        {
            postP50[size] = took.PercentileMs(50);
            Console.WriteLine($"| {size:N0} | {took.PercentileMs(50):0.0} | {took.PercentileMs(95):0.0} | {took.PercentileMs(99):0.0} | {took.MaxMs:0.0} | {filled.TotalSeconds:0.0} s |");
        }

        var largestSlug = threads[^1].Slug;
        var render = await RenderTimesAsync(server, largestSlug, $"Timed comment {posts - 1}:");
        Console.WriteLine();
        Console.WriteLine($"first page of the {sizes[^1]:N0}-comment thread's article, rendered (not kept): p50 {render.PercentileMs(50):0.0} ms, p99 {render.PercentileMs(99):0.0} ms over {render.Count} reads");

        var (_, fanSlug) = await desk.PublishAsync("Results night: the count goes on.", "Results night", "World");
        using var ada = await server.SignInAsync("ada", "ada-demo");
        var before = await ada.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/memory");
        var fanOut = await FanOutAsync([server], poster, fanSlug, readers, rate, seconds, ada, [.. ServerReplayBenchmark.Processes(server, azurite)]);
        var perReaderKb = (fanOut.ResidentAfter - before.GetProperty("residentBytes").GetInt64()) / 1024.0 / readers;
        var managedPerReaderKb = (fanOut.ManagedAfter - before.GetProperty("managedBytes").GetInt64()) / 1024.0 / readers;
        Console.WriteLine();
        Console.WriteLine(
            $"{readers} readers connected and joined in {fanOut.ConnectSeconds:0.0} s; memory per reader after a full collection: " +
            $"{managedPerReaderKb:0.0} KB managed, {perReaderKb:0.0} KB resident");
        Console.WriteLine(
            $"{fanOut.Posted} comments at {rate}/s: from the acknowledgement to the last reader p50 {fanOut.Last.PercentileMs(50):0.0} ms, " +
            $"p99 {fanOut.Last.PercentileMs(99):0.0} ms; per (comment, reader) p50 {fanOut.Each.PercentileMs(50):0.0} ms, p99 {fanOut.Each.PercentileMs(99):0.0} ms; " +
            $"every reader got every comment: {(fanOut.AllDelivered ? "yes" : "NO")}");
        Console.WriteLine($"CPU while posting: {fanOut.Cpu}");
        // Noise-proof where latency is not: what one delivery costs the server, and the share of a core the load needs.
        Console.WriteLine(
            $"server CPU per delivered comment per reader: {fanOut.ServerSecondsPerDelivery * 1e6:0.0} µs, so {readers} readers at {rate}/s need " +
            $"{fanOut.ServerSecondsPerDelivery * readers * rate * 100:0}% of a core");
        Console.WriteLine();
        Console.WriteLine(
            $"target: post p50 under 10 ms and at {sizes[^1]:N0} within 1.5x of {sizes[0]:N0}; fan-out p99 under 100 ms; " +
            $"≤ 30 KB per reader; {readers} readers within 5 s");
        Console.WriteLine(
            $"comments: post p50 {postP50[sizes[0]]:0.0} ms at {sizes[0]}, {postP50[sizes[^1]]:0.0} ms at {sizes[^1]}; " +
            $"fan-out to {readers} readers p99 {fanOut.Last.PercentileMs(99):0.0} ms, all delivered {(fanOut.AllDelivered ? "yes" : "no")}");
        foreach (var filler in fillers)
        {
            await filler.DisposeAsync();
        }

        return fanOut.AllDelivered ? 0 : 1;
    }

    /// <summary>
    /// Reads of the article page with its comments section. The server keeps no rendered page (PublishedPages' MaxAge
    /// is zero, which switches the output cache policy off), so each read renders; <paramref name="newest"/> (the
    /// latest comment, first under "newest") shows the section was rendered from the thread.
    /// </summary>
    private static async Task<LatencyHistogram> RenderTimesAsync(NewsroomServer server, string slug, string newest)
    {
        using var http = server.CreateClient();
        var times = new LatencyHistogram();
        for (var i = 0; i < 60; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync($"/articles/{slug}");
            var page = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            if (!page.Contains(newest, StringComparison.Ordinal) || response.Headers.Age is not null)
            {
                throw new InvalidOperationException($"The article page of {slug} lacks its newest comment or was served kept (Age {response.Headers.Age}).");
            }

            if (i >= 10)
            {
                times.Record(Stopwatch.GetElapsedTime(started));
            }
        }

        return times;
    }

    /// <summary>The n of "Live comment n:" in a comment.posted event, read from the bytes without parsing the message.</summary>
    private static int? LiveCommentNumber(ReadOnlySpan<byte> message)
    {
        if (message.IndexOf("\"comment.posted\""u8) < 0 || message.IndexOf("Live comment "u8) is not (var at and >= 0))
        {
            return null;
        }

        var digits = message[(at + LivePrefix.Length)..];
        var end = digits.IndexOf((byte)':');
        return end > 0 && int.TryParse(digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    internal sealed record FanOut(double ConnectSeconds, int Posted, LatencyHistogram Last, LatencyHistogram Each, bool AllDelivered, string Cpu, double ServerSecondsPerDelivery, long ManagedAfter, long ResidentAfter);

    /// <summary>
    /// <paramref name="readers"/> readers spread over <paramref name="silos"/> hear <paramref name="rate"/> comments a
    /// second posted by <paramref name="poster"/> for <paramref name="seconds"/> s.
    /// </summary>
    internal static async Task<FanOut> FanOutAsync(
        IReadOnlyList<NewsroomServer> silos, CommentPoster poster, string slug, int readers, int rate, int seconds, StaffSession admin,
        IReadOnlyList<(string Name, int Pid)> processes)
    {
        var total = rate * seconds;
        var arrivals = new long[readers][];
        for (var r = 0; r < readers; r++)
        {
            arrivals[r] = new long[total];
        }

        var connecting = Stopwatch.StartNew();
        await using var crowd = await ReaderCrowd.JoinAsync(silos, "hubs/reader", [.. Enumerable.Repeat(new CrowdSeat(null, $"comments:{slug}"), readers)], (r, message, at) =>
        {
            // The comment is known by the number in its text: its id comes only with the poster's answer, and most
            // readers have the comment before that.
            if (LiveCommentNumber(message.Span) is { } n && n < total && arrivals[r][n] == 0)
            {
                arrivals[r][n] = at;
            }
        });
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        var memory = await admin.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/memory");
        var cpu = new CpuMeter(processes);
        var acked = new long[total];
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var start = Stopwatch.GetTimestamp();
        var posting = new List<Task>();
        for (var n = 0; n < total; n++)
        {
            var due = start + (long)(n * interval.TotalSeconds * Stopwatch.Frequency);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var index = n;
            posting.Add(Task.Run(async () =>
            {
                var (_, _, ackedAt) = await poster.PostAsync(slug, $"{LivePrefix}{index}: what readers think as the count goes on.");
                acked[index] = ackedAt;
            }));
        }

        await Task.WhenAll(posting);
        var cpuShare = cpu.Report();
        var serverSeconds = cpu.SecondsOf("server");
        var allDelivered = true;
        try
        {
            await Eventually.Until(
                () => Task.FromResult(arrivals.Sum(a => a.Count(t => t != 0))),
                got => got >= (long)readers * total,
                _deliveryTimeout,
                "every reader to have every comment");
        }
        catch (TimeoutException e)
        {
            Console.Error.WriteLine($"note: {e.Message}");
            allDelivered = false;
        }

        var last = new LatencyHistogram();
        var each = new LatencyHistogram();
        for (var n = 0; n < total; n++)
        {
            var latest = long.MinValue;
            for (var r = 0; r < readers; r++)
            {
                var at = arrivals[r][n];
                if (at == 0)
                {
                    continue;
                }

                latest = Math.Max(latest, at);
                each.Record(at > acked[n] ? Stopwatch.GetElapsedTime(acked[n], at) : TimeSpan.Zero);
            }

            if (latest != long.MinValue)
            {
                last.Record(latest > acked[n] ? Stopwatch.GetElapsedTime(acked[n], latest) : TimeSpan.Zero);
            }
        }

        return new FanOut(connectSeconds, total, last, each, allDelivered, cpuShare, serverSeconds / ((double)total * readers),
            memory.GetProperty("managedBytes").GetInt64(), memory.GetProperty("residentBytes").GetInt64());
    }
}
