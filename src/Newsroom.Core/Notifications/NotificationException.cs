namespace Newsroom.Core.Notifications;

/// <summary>A notification or an inbox key is malformed; the message says which part and why.</summary>
public sealed class NotificationFormatException : FormatException
{
    public NotificationFormatException()
    {
    }

    public NotificationFormatException(string message)
        : base(message)
    {
    }

    public NotificationFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
