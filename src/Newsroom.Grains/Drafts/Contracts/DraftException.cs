namespace Newsroom.Grains.Drafts;

/// <summary>
/// A draft call was refused: bad input, an unknown draft, or a draft that is reloading. The message is
/// written for the editor who made the call; the hubs pass it on to that connection only.
/// </summary>
[GenerateSerializer, Alias("newsroom.draft-exception")]
public sealed class DraftException : RefusalException
{
    public DraftException()
    {
    }

    public DraftException(string message)
        : base(message)
    {
    }

    public DraftException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
