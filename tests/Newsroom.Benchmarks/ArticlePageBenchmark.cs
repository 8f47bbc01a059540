using System.Globalization;
using System.Runtime.InteropServices;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "article" mode: a published story's page (the text of ../shared/fixtures/kazakhstan-article.txt, published
/// through the real workflow) under load from 64 keep-alive connections, beside nginx serving the same bytes as a
/// static file, in alternating rounds of one run; then the time from a publish's acknowledgement until 500 open
/// reader connections have the update.
/// </summary>
internal static class ArticlePageBenchmark
{
    public const string Usage = "[--connections 64] [--rounds 3] [--warmup S (3)] [--measure S (8)] [--readers 500] [--updates 20]";

    private const double TargetRatio = 0.5;
    private const double TargetP99Ms = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var connections, out var rounds, out var warmup, out var measure, out var readers, out var updates))
        {
            Console.Error.WriteLine($"usage: article {Usage}");
            return 2;
        }

#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; measure with `dotnet run -c Release`.");
#endif
        var (headline, body) = FixtureStory();
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        await using var server = await NewsroomServer.StartAsync(azurite);
        await using var desk = await PublishingDesk.OpenAsync(server);
        var (draftId, slug) = await desk.PublishAsync(body, headline, "World");
        var path = $"/articles/{slug}";
        using var reader = server.CreateClient();
        var first = await reader.GetAsync(path);
        var page = await first.Content.ReadAsByteArrayAsync();
        var kept = (await reader.GetAsync(path)).Headers.Age.HasValue;
        await using var nginx = await NginxPeer.StartAsync(path, page);

        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores; server {NewsroomServer.ServerAssembly}; peer {NginxPeer.Version}");
        Console.WriteLine(
            $"GET {path}: {page.Length:N0} bytes ({body.Length:N0} characters of story), served from the published pages' cache: {(kept ? "yes" : "NO")}; " +
            $"{connections} keep-alive connections from this process; 10 s of load to warm the server, then {rounds} rounds, each {warmup.TotalSeconds:0} s warm-up + {measure.TotalSeconds:0} s measured per server");
        Console.WriteLine();
        Console.WriteLine("| round | server | req/s | p50 ms | p99 ms | errors | CPU |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var ours = new List<PageLoadResult>();
        var theirs = new List<PageLoadResult>();
        var processes = ServerReplayBenchmark.Processes(server, azurite).ToList();
        // A fresh process compiles its hot paths again (tiered JIT) for its first seconds under load: not measured.
        await PageLoad.RunAsync(new Uri(server.BaseAddress, path), page.Length, connections, TimeSpan.Zero, TimeSpan.FromSeconds(10), processes);
        for (var round = 1; round <= rounds; round++)
        {
            var newsroom = await PageLoad.RunAsync(new Uri(server.BaseAddress, path), page.Length, connections, warmup, measure, processes);
            ours.Add(newsroom);
            Row(round, "newsroom", newsroom);
            var peer = await PageLoad.RunAsync(nginx.Address, page.Length, connections, warmup, measure, [("benchmark", Environment.ProcessId), .. nginx.Processes()]);
            theirs.Add(peer);
            Row(round, "nginx", peer);
        }

        var rps = Median(ours.Select(r => r.RequestsPerSecond));
        var p99 = Median(ours.Select(r => r.P99Ms));
        var nginxRps = Median(theirs.Select(r => r.RequestsPerSecond));
        var ratio = rps / nginxRps;
        var errors = ours.Sum(r => r.Errors) + theirs.Sum(r => r.Errors);

        Console.WriteLine();
        Console.WriteLine($"{readers} readers on article:{slug}; {updates} updates published one after another (an edit, then \"update\")");
        var fanOut = await ReaderFanOut.RunAsync(server, desk, draftId, slug, body, readers, updates);
        Console.WriteLine(
            $"publish call p50 {fanOut.PublishCallP50Ms:0.0} ms; from the acknowledgement to the last reader: p50 {fanOut.LastReaderP50Ms:0.0} ms, " +
            $"p99 {fanOut.LastReaderP99Ms:0.0} ms; to each reader: p50 {fanOut.EachReaderP50Ms:0.0} ms, p99 {fanOut.EachReaderP99Ms:0.0} ms; " +
            $"from the call to the last reader p99 {fanOut.LastReaderFromCallP99Ms:0.0} ms; {fanOut.ArrivedBeforeAckShare:P0} of arrivals came before the acknowledgement; " +
            $"all delivered: {(fanOut.AllDelivered ? "yes" : "NO")}");

        Console.WriteLine();
        Console.WriteLine(
            $"target: at least {TargetRatio:0.0}x nginx's throughput {(ratio >= TargetRatio ? "met" : "MISSED")}, p99 under {TargetP99Ms} ms " +
            $"{(p99 < TargetP99Ms ? "met" : "MISSED")} (medians of {rounds} rounds)");
        Console.WriteLine(
            $"article page: {rps:N0} req/s, p99 {p99:0.0} ms; nginx {nginxRps:N0} req/s; ratio {ratio.ToString("0.00", CultureInfo.InvariantCulture)}; " +
            $"update to {readers} readers p99 {fanOut.LastReaderP99Ms:0.0} ms");
        return errors > 0 || !fanOut.AllDelivered || !kept ? 1 : 0;
    }

    /// <summary>The fixture's story: its first line the headline, its paragraphs up to the reader widget the body.</summary>
    private static (string Headline, string Body) FixtureStory()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Shared, "fixtures", "kazakhstan-article.txt"));
        var widget = Array.FindIndex(lines, l => l.Trim() == "Article Rating");
        var paragraphs = lines[1..(widget < 0 ? lines.Length : widget)].Select(l => l.Trim()).Where(l => l.Length > 0);
        return (lines[0].Trim(), string.Join("\n\n", paragraphs));
    }

    private static void Row(int round, string server, PageLoadResult r) =>
        Console.WriteLine($"| {round} | {server} | {r.RequestsPerSecond:N0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.Errors} | {r.Load} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static bool TryParse(
        string[] args, out int connections, out int rounds, out TimeSpan warmup, out TimeSpan measure, out int readers, out int updates)
    {
        (connections, rounds, warmup, measure, readers, updates) = (64, 3, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(8), 500, 20);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--connections": connections = value; break;
                case "--rounds": rounds = value; break;
                case "--warmup": warmup = TimeSpan.FromSeconds(value); break;
                case "--measure": measure = TimeSpan.FromSeconds(value); break;
                case "--readers": readers = value; break;
                case "--updates": updates = value; break;
                default: return false;
            }
        }

        return true;
    }
}
