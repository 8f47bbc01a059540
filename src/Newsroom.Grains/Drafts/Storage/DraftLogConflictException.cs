namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// Another writer has written to this draft's log since this <see cref="IDraftLog"/> last did (a duplicate
/// activation after a silo failure, say). The failed call changed nothing that a load returns; the writer that
/// gets this must stop writing and let a fresh activation load the log again.
/// </summary>
public sealed class DraftLogConflictException : Exception
{
    public DraftLogConflictException()
    {
    }

    public DraftLogConflictException(string message)
        : base(message)
    {
    }

    public DraftLogConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
