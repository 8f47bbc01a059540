namespace Newsroom.Benchmarks;

/// <summary>
/// The live-editors benchmark's options: editor counts to try, phase lengths, each editor's typing rate, and how many
/// connections open one draft in the crowd phase, and how long the server is stopped a third into each measured window
/// (zero: never), to see whether a draft recovers from a stall such as a full collection or the host taking the cores.
/// </summary>
internal sealed record EditorsOptions(int[] Steps, TimeSpan Warmup, TimeSpan Measure, double Rate, int Crowd, TimeSpan Stall);
