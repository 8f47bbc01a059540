namespace Newsroom.Grains.Articles.Storage;

/// <summary>Every published version of every story, each stored once and never rewritten.</summary>
public interface IArticleVersionStore
{
    /// <summary>Stores a new version; storing the same version again with the same content is a no-op (a retried call).</summary>
    /// <exception cref="StoredVersionDiffersException">A different version with that number is already stored.</exception>
    Task SaveAsync(string slug, ArticleVersion version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a version over one that a publish which stopped before recording it left behind: nobody was told of that
    /// version and nobody reads it. Only the article grain calls this, once its record says the number is not taken.
    /// </summary>
    Task ReplaceUnrecordedAsync(string slug, ArticleVersion version, CancellationToken cancellationToken = default);

    Task<ArticleVersion?> LoadAsync(string slug, int number, CancellationToken cancellationToken = default);
}

/// <summary>A version with this number is already stored with other content.</summary>
public sealed class StoredVersionDiffersException(string slug, int number, Exception inner)
    : InvalidOperationException($"Story '{slug}' already has a different version {number}.", inner);
