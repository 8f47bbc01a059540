namespace Newsroom.Grains.Comments;

/// <summary>A comment, vote, rating or moderator's action was refused; the message says why, for the person who asked.</summary>
[GenerateSerializer, Alias("newsroom.comment-exception")]
public sealed class CommentException : RefusalException
{
    public CommentException()
    {
    }

    public CommentException(string message)
        : base(message)
    {
    }

    public CommentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
