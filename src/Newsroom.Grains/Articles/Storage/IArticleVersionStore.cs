namespace Newsroom.Grains.Articles.Storage;

/// <summary>Every published version of every story, each stored once and never rewritten.</summary>
public interface IArticleVersionStore
{
    /// <summary>Stores a new version; storing the same version again with the same content is a no-op (a retried call).</summary>
    /// <exception cref="InvalidOperationException">A different version with that number is already stored.</exception>
    Task SaveAsync(string slug, ArticleVersion version, CancellationToken cancellationToken = default);

    Task<ArticleVersion?> LoadAsync(string slug, int number, CancellationToken cancellationToken = default);
}
