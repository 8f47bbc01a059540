namespace Newsroom.Grains;

/// <summary>
/// A grain refused a call because of what the caller sent or asked for: bad input, something that does not
/// exist, a step the rules do not allow. The message is written for the person who made the call, and the hubs
/// and endpoints pass it on to them alone; it is the caller's mistake, so it is logged without a stack trace.
/// Each feature derives its own (<c>DraftException</c>, ...).
/// </summary>
[GenerateSerializer, Alias("newsroom.refusal")]
public class RefusalException : Exception
{
    public RefusalException()
    {
    }

    public RefusalException(string message)
        : base(message)
    {
    }

    public RefusalException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
