namespace Newsroom.Grains.Comments.Storage;

/// <summary>The newsroom's moderation queue, a row per entry: a comment joining, changing or leaving writes one row.</summary>
public interface IModerationQueueStore
{
    Task<IReadOnlyList<ModerationEntry>> LoadAsync(string queue, CancellationToken cancellationToken = default);

    Task SaveAsync(string queue, ModerationEntry entry, CancellationToken cancellationToken = default);

    Task DeleteAsync(string queue, string slug, long commentId, CancellationToken cancellationToken = default);
}
