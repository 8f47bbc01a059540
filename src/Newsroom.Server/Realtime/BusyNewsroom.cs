using System.Net.Sockets;
using Azure;
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
        exception is TimeoutException or OrleansMessageRejectionException or GatewayTooBusyException or StorageBusyException
        || (exception is OrleansException && IsStorageUnreachable(exception.InnerException));

    // A grain that cannot be activated because its state cannot be read (Orleans reports the storage provider's failure
    // as an OrleansException around it): storage refused the connection, did not answer, or said it is busy. A refusal
    // of the request itself (a 4xx other than a timeout or throttling) is not passing, and stays an error.
    private static bool IsStorageUnreachable(Exception? exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or SocketException or IOException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsStorageUnreachable),
        OrleansException wrapped => IsStorageUnreachable(wrapped.InnerException),
        _ => false,
    };
}
