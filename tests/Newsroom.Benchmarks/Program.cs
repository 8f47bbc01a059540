using Newsroom.Benchmarks;

// Each mode is one benchmark in its own file; later issues add "server" and "editors".
var modes = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["trace"] = TraceReplayBenchmark.RunAsync,
};

if (args.Length == 0 || !modes.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine(args.Length == 0 ? "No mode given." : $"Unknown mode '{args[0]}'.");
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Newsroom.Benchmarks -- <mode> [options]");
    Console.Error.WriteLine("modes:");
    Console.Error.WriteLine($"  trace   {TraceReplayBenchmark.Usage}");
    return 2;
}

return await run(args[1..]);
