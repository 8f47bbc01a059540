namespace Newsroom.Grains.Articles;

/// <summary>A publication or withdrawal was refused; the message says why, for the editor who asked.</summary>
[GenerateSerializer, Alias("newsroom.article-exception")]
public sealed class ArticleException : RefusalException
{
    public ArticleException()
    {
    }

    public ArticleException(string message)
        : base(message)
    {
    }

    public ArticleException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
