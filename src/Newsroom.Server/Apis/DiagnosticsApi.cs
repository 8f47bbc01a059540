using System.Runtime;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Apis;

/// <summary>What admins may ask one silo about itself.</summary>
public static class DiagnosticsApi
{
    public static WebApplication MapDiagnosticsApi(this WebApplication app)
    {
        app.MapGet("/api/diagnostics/memory", MemoryAfterFullCollection).RequireAuthorization(NewsroomPolicies.Administer);
        return app;
    }

    /// <summary>
    /// This silo's memory after a full, compacting collection: what its live objects (connections, grains) really hold.
    /// The collection pauses the silo, so this is for benchmarks and investigations, not for a scraper.
    /// </summary>
    public static SiloMemory MemoryAfterFullCollection()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return new SiloMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }
}

/// <summary>Managed heap in use and the process's resident memory, in bytes.</summary>
public sealed record SiloMemory(long ManagedBytes, long ResidentBytes);
