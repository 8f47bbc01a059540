namespace Newsroom.Benchmarks;

/// <summary>One measured run: wall time, bytes allocated on the running thread, and gen-0 collections during it.</summary>
internal readonly record struct RunSample(double Milliseconds, long AllocatedBytes, int Gen0Collections);
