namespace Newsroom.Benchmarks;

/// <summary>What Node/yjs-trace.mjs prints on stdout, one JSON object.</summary>
internal sealed record YjsTraceResult(
    string YjsVersion,
    string NodeVersion,
    int Edits,
    int WarmupRuns,
    double[] RunsMs,
    double MedianMs,
    double MedianHeapGrowthBytes,
    long HeapUsedBytes,
    int FinalLength,
    bool MatchesEndContent);
