namespace Newsroom.Grains.Notifications.Topics;

/// <summary>A topic call was refused (a malformed topic or inbox key); the message says why.</summary>
[GenerateSerializer, Alias("newsroom.topic-exception")]
public sealed class TopicException : RefusalException
{
    public TopicException()
    {
    }

    public TopicException(string message)
        : base(message)
    {
    }

    public TopicException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
