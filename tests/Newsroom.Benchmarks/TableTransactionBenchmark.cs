using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "tables" mode: Azurite alone, no server. Times the table transaction a comment post makes (the thread's meta
/// row replaced and one comment row added) in partitions of different sizes, to tell the emulator's cost from the
/// product's. Each step fills the table further, so a partition's figure is taken both with the table small and large.
/// </summary>
internal static class TableTransactionBenchmark
{
    public const string Usage = "[--sizes 100,10000] [--posts 200]";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = new[] { 100, 10_000 };
        var posts = 200;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes": sizes = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--posts": posts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"usage: tables {Usage}");
                    return 2;
            }
        }

        await using var azurite = await Azurite.StartAsync(inMemory: false);
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient("comments");
        await table.CreateIfNotExistsAsync();
        var partitions = new List<(string Name, int Rows)>();
        foreach (var size in sizes)
        {
            var partition = $"thread-{size}";
            for (var from = 0; from < size; from += 99)
            {
                var batch = Enumerable.Range(from, Math.Min(99, size - from))
                    .Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Comment(partition, n)))
                    .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, Meta(partition, from)));
                await table.SubmitTransactionAsync(batch);
            }

            partitions.Add((partition, size));
        }

        // The partitions take turns post by post, so the machine's noise falls on each alike.
        var kinds = new (string Name, Func<string, int, TableEntity[]> Rows)[]
        {
            ("meta + new comment", (p, n) => [Meta(p, n), Comment(p, 1_000_000 + n)]),
            ("new comment only", (p, n) => [Comment(p, 2_000_000 + n)]),
            ("meta only", (p, n) => [Meta(p, n)]),
        };
        Console.WriteLine($"table of {partitions.Sum(p => p.Rows):N0} rows; {posts} transactions of each kind in each partition, taking turns");
        Console.WriteLine($"| transaction | {string.Join(" | ", partitions.Select(p => $"{p.Rows:N0}-row partition p50 ms"))} |");
        Console.WriteLine($"|---|{string.Concat(partitions.Select(_ => "---|"))}");
        foreach (var (name, rows) in kinds)
        {
            var took = partitions.Select(_ => new List<double>()).ToArray();
            for (var n = 0; n < posts; n++)
            {
                for (var p = 0; p < partitions.Count; p++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await table.SubmitTransactionAsync(rows(partitions[p].Name, n).Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)));
                    took[p].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            Console.WriteLine($"| {name} | {string.Join(" | ", took.Select(t => Median(t).ToString("0.00", CultureInfo.InvariantCulture)))} |");
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static TableEntity Meta(string partition, int n) => new(partition, "meta") { ["LastId"] = (long)n, ["ChannelVersion"] = (long)n };

    private static TableEntity Comment(string partition, int n) => new(partition, string.Create(CultureInfo.InvariantCulture, $"c-{n:D12}"))
    {
        ["Id"] = (long)n,
        ["AuthorId"] = "g-reader",
        ["AuthorName"] = "A reader",
        ["Text"] = $"Comment {n} on the story: readers discuss what happened and why.",
        ["PostedAt"] = DateTimeOffset.UtcNow,
        ["Status"] = "Published",
    };
}
