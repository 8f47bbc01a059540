namespace Newsroom.Grains;

/// <summary>
/// Storage did not take a change (it refused the connection, failed, or did not answer), so nothing of it is kept in
/// the grain's memory either: the caller is told to send it again, as for a call that did not answer in time. Where a
/// resend could repeat it, the grain recognises it (a comment by its post key, a draft's updates by their client ids).
/// </summary>
[GenerateSerializer, Alias("newsroom.storage-busy")]
public sealed class StorageBusyException : Exception
{
    public StorageBusyException()
    {
    }

    public StorageBusyException(string message)
        : base(message)
    {
    }

    public StorageBusyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
