using Newsroom.Core.Publishing;

namespace Newsroom.Grains.Desk;

/// <summary>
/// A draft as the desk lists it. <see cref="Editors"/> is who is in it now (from presence, so never stored);
/// the last change is at most about a second old (drafts tell the desk throttled). <see cref="AssignedTo"/> is a user name.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-summary")]
public sealed record DraftSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Headline,
    [property: Id(2)] DateTimeOffset? LastChangedAt,
    [property: Id(3)] string? LastChangedBy,
    [property: Id(4)] IReadOnlyList<DraftEditorBadge> Editors,
    [property: Id(5)] DraftStatus Status = DraftStatus.Draft,
    [property: Id(6)] string? AssignedTo = null)
{
    /// <summary>Characters of the headline a summary carries: enough for a list row.</summary>
    public const int MaxHeadlineLength = 200;
}
