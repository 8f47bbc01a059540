using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// The "editors" benchmark's crowd: N connections open one draft (raw WebSockets, each calling <c>OpenDraft</c>,
/// 64 at a time), timed from the first until the last is in; meanwhile each counts the presence messages it
/// receives, and the server's memory after a full collection is read before and after, per connection.
/// </summary>
internal static class DraftCrowd
{
    public sealed record Result(int Connections, double Seconds, double PresencePerConnection, double PresencePerConnectionPerSecond, double KbPerConnection, double ManagedKbPerConnection);

    public static async Task<Result> MeasureAsync(NewsroomServer server, StaffSession session, int connections)
    {
        var draftId = await session.CreateDraftAsync($"{connections} people in one draft");
        using var admin = await server.SignInAsync("ada", "ada-demo");
        var before = await MemoryAsync(admin);
        var presence = new int[connections];
        var seats = Enumerable.Range(0, connections)
            .Select(_ => new CrowdSeat(session.Cookies, $"draft:{draftId}", "OpenDraft", draftId))
            .ToList();

        var clock = Stopwatch.StartNew();
        await using var crowd = await ReaderCrowd.JoinAsync(server, "hubs/staff", seats, (c, message, _) =>
        {
            if (message.Span.IndexOf("\"draft.presence\""u8) >= 0)
            {
                Interlocked.Increment(ref presence[c]);
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        // The last to join hears the message that tells its own join: once each has heard one, all joins are told.
        await Eventually.Until(
            () => Task.FromResult(presence.Count(p => p == 0)), n => n == 0, TimeSpan.FromSeconds(60), "every connection to hear presence");
        var heard = presence.Average();
        var after = await MemoryAsync(admin);
        return new Result(
            connections,
            seconds,
            heard,
            heard / seconds,
            (after.Resident - before.Resident) / 1024.0 / connections,
            (after.Managed - before.Managed) / 1024.0 / connections);
    }

    private static async Task<(long Managed, long Resident)> MemoryAsync(StaffSession admin)
    {
        var memory = await admin.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/memory");
        return (memory.GetProperty("managedBytes").GetInt64(), memory.GetProperty("residentBytes").GetInt64());
    }
}
