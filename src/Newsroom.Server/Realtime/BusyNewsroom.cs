using Newsroom.Grains;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Grain calls that failed for a reason that passes, not because anything was wrong with them: the grain did not answer
/// in time, the silo it lived on went away (killed, or leaving) before it answered, or storage did not take the change.
/// The grain comes back on a survivor on the next call, storage comes back, so the caller is told to send again; what it
/// sends is deduplicated where a resend could repeat it (a draft's updates by their client ids, a comment by its key).
/// </summary>
public static class BusyNewsroom
{
    public static bool IsBusy(Exception exception) =>
        exception is TimeoutException or OrleansMessageRejectionException or GatewayTooBusyException or StorageBusyException;
}
