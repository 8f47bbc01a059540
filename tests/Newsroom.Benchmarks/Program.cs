using Newsroom.Benchmarks;

// Each mode is one benchmark in its own file.
var modes = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["trace"] = TraceReplayBenchmark.RunAsync,
    ["server"] = ServerReplayBenchmark.RunAsync,
    ["editors"] = LiveEditorsBenchmark.RunAsync,
    ["article"] = ArticlePageBenchmark.RunAsync,
    ["comments"] = CommentsBenchmark.RunAsync,
    ["tables"] = TableTransactionBenchmark.RunAsync,
    ["notifications"] = NotificationsBenchmark.RunAsync,
    ["cluster"] = ClusterBenchmark.RunAsync,
};

if (args.Length == 0 || !modes.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine(args.Length == 0 ? "No mode given." : $"Unknown mode '{args[0]}'.");
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Newsroom.Benchmarks -- <mode> [options]");
    Console.Error.WriteLine("modes:");
    Console.Error.WriteLine($"  trace   {TraceReplayBenchmark.Usage}");
    Console.Error.WriteLine($"  server  {ServerReplayBenchmark.Usage}");
    Console.Error.WriteLine($"  editors {LiveEditorsBenchmark.Usage}");
    Console.Error.WriteLine($"  article {ArticlePageBenchmark.Usage}");
    Console.Error.WriteLine($"  comments {CommentsBenchmark.Usage}");
    Console.Error.WriteLine($"  tables  {TableTransactionBenchmark.Usage}");
    Console.Error.WriteLine($"  notifications {NotificationsBenchmark.Usage}");
    Console.Error.WriteLine($"  cluster {ClusterBenchmark.Usage}");
    return 2;
}

return await run(args[1..]);
