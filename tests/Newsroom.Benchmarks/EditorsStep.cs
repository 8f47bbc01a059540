namespace Newsroom.Benchmarks;

/// <summary>One step of the live-editors benchmark: N editors typing in one draft.</summary>
internal sealed record EditorsStep(
    int Editors,
    double EditsPerSecond,
    long Samples,
    long ExpectedSamples,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double ConvergeMs,
    int Mismatches,
    int Interrupted,
    bool Settled,
    string Load);
