namespace Newsroom.Benchmarks;

/// <summary>
/// The live-editors benchmark's options: editor counts to try, phase lengths, each editor's typing rate, and how many
/// connections open one draft in the crowd phase.
/// </summary>
internal sealed record EditorsOptions(int[] Steps, TimeSpan Warmup, TimeSpan Measure, double Rate, int Crowd);
