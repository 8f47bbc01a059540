using System.Globalization;
using System.Net.Http.Json;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The server's garbage collections over a run, read from its diagnostics before and after: how often it stopped and
/// for how long, since a pause of the whole silo lands in every delivery in flight.
/// </summary>
internal sealed record ServerCollections(int Gen0, int Gen1, int Gen2, double PausedMs, long AllocatedBytes)
{
    public static async Task<ServerCollections> ReadAsync(StaffSession admin) =>
        await admin.Http.GetFromJsonAsync<ServerCollections>("/api/diagnostics/collections")
        ?? throw new InvalidOperationException("The server answered its collections with nothing.");

    /// <summary>What happened between <paramref name="before"/> and this reading, over <paramref name="seconds"/>.</summary>
    public string Since(ServerCollections before, double seconds)
    {
        var collections = Gen0 + Gen1 + Gen2 - before.Gen0 - before.Gen1 - before.Gen2;
        var paused = PausedMs - before.PausedMs;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"server GC {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2} (gen0/1/2), paused {paused:0} ms " +
            $"({(collections == 0 ? 0 : paused / collections):0.0} ms each), {(AllocatedBytes - before.AllocatedBytes) / seconds / 1e6:0} MB/s allocated");
    }
}
