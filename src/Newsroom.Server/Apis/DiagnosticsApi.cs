using System.Runtime;
using Newsroom.Server.Auth;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Apis;

/// <summary>What admins may ask one silo about itself.</summary>
public static class DiagnosticsApi
{
    public static WebApplication MapDiagnosticsApi(this WebApplication app)
    {
        app.MapGet("/api/diagnostics/memory", MemoryAfterFullCollection).RequireAuthorization(NewsroomPolicies.Administer);
        app.MapGet("/api/diagnostics/collections", CollectionsSoFar).RequireAuthorization(NewsroomPolicies.Administer);
        return app;
    }

    /// <summary>
    /// This silo's memory after a full, compacting collection that also gives free memory back to the system
    /// (<see cref="GCCollectionMode.Aggressive"/>): what its live objects (connections, grains) really hold, and not
    /// the room the collector keeps for the next burst, which was half the resident figure with 2,000 connections.
    /// Free socket buffers kept for reuse are told apart. The collection pauses the silo, so this is for benchmarks and
    /// investigations, not for a scraper.
    /// </summary>
    public static SiloMemory MemoryAfterFullCollection(TransportBlockPools transport)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new SiloMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, transport.PooledBytes);
    }

    /// <summary>
    /// The collector's work since this silo started, read without collecting: a benchmark reads it before and after a
    /// run, and the difference is how often the silo stopped for a collection and for how long in all.
    /// </summary>
    public static SiloCollections CollectionsSoFar() => new(
        GC.CollectionCount(0) - GC.CollectionCount(1),
        GC.CollectionCount(1) - GC.CollectionCount(2),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        GC.GetTotalAllocatedBytes(precise: false));
}

/// <summary>Collections of each generation (a gen1 collection also collects gen0, counted once, as gen1), the total time
/// the silo was paused for them, and the bytes allocated, since the silo started.</summary>
public sealed record SiloCollections(int Gen0, int Gen1, int Gen2, double PausedMs, long AllocatedBytes);

/// <summary>Managed heap in use, the process's resident memory, and free socket buffers (part of the heap), in bytes.</summary>
public sealed record SiloMemory(long ManagedBytes, long ResidentBytes, long PooledTransportBytes);
