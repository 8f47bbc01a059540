namespace Newsroom.Grains.Desk;

/// <summary>
/// The drafts a desk lists, one stored row per draft: a change rewrites that draft's row only, and the list
/// can grow past what one grain-state row may hold (Azure Tables: 1 MiB, a few thousand drafts).
/// </summary>
public interface IDeskDraftStore
{
    /// <summary>Every draft stored for <paramref name="desk"/>, without editors (presence is never stored).</summary>
    Task<IReadOnlyList<DraftSummary>> LoadAsync(string desk, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the row of <paramref name="draft"/> on <paramref name="desk"/>; its editors are not stored.</summary>
    Task SaveAsync(string desk, DraftSummary draft, CancellationToken cancellationToken = default);
}
