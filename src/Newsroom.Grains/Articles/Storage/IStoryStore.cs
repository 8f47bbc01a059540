namespace Newsroom.Grains.Articles.Storage;

/// <summary>The story index's rows, one per story: a publish rewrites one row, and the index grows without bound.</summary>
public interface IStoryStore
{
    Task<IReadOnlyList<StorySummary>> LoadAsync(string index, CancellationToken cancellationToken = default);

    Task SaveAsync(string index, StorySummary story, CancellationToken cancellationToken = default);
}
