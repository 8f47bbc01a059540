using Newsroom.Core.Documents;
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
    /// <summary>Characters of the headline a summary carries, the ellipsis included: enough for a list row.</summary>
    public const int MaxHeadlineLength = 200;

    /// <summary>
    /// The headline as a list row shows it: whole when it fits, otherwise cut and ended with "…", so the desk
    /// never passes a cut headline off as the whole one. Reads at most one character past what a row keeps.
    /// </summary>
    public static string ListedHeadline(DraftText headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        if (headline.Length <= MaxHeadlineLength)
        {
            return headline.ToString();
        }

        var cut = MaxHeadlineLength - 1;
        if (char.IsHighSurrogate(headline.Slice(cut - 1, cut)[0]))
        {
            // Half an emoji is not a character: leave the whole pair out.
            cut--;
        }

        return headline.Slice(0, cut).TrimEnd() + "…";
    }
}
