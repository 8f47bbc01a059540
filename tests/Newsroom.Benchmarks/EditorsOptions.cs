namespace Newsroom.Benchmarks;

/// <summary>The live-editors benchmark's options: editor counts to try, phase lengths, and each editor's typing rate.</summary>
internal sealed record EditorsOptions(int[] Steps, TimeSpan Warmup, TimeSpan Measure, double Rate);
