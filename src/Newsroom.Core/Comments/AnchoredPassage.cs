using Newsroom.Core.Changes;

namespace Newsroom.Core.Comments;

/// <summary>
/// Where an inline comment's passage stands in the latest published version: <see cref="Current"/> while the
/// passage is still there word for word, or changed, from the version that touched it on. The
/// <see cref="Original"/> anchor and its quote are always kept, so a comment is never lost with its passage; a
/// changed passage stays changed even if a later update happens to restore its words.
/// </summary>
public sealed record AnchoredPassage(InlineAnchor Original, InlineAnchor? Current, int? ChangedInVersion)
{
    /// <summary>What a comment whose passage changed says above its quote.</summary>
    public const string ChangedNotice = "The passage this refers to was changed.";

    public bool IsChanged => Current is null;

    /// <summary>The version this placement is known for: the anchor's, or the last one followed into.</summary>
    public int Version { get; init; } = Original.Version;

    public static AnchoredPassage Start(InlineAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return new AnchoredPassage(anchor, anchor, null);
    }

    /// <summary>The placement in the next published version, given the change from this version's body to that one's.</summary>
    public AnchoredPassage Follow(ChangeDesc change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Current is null)
        {
            return this with { Version = Version + 1 };
        }

        return Current.MapThrough(change) is { } moved
            ? this with { Current = moved, Version = moved.Version }
            : this with { Current = null, ChangedInVersion = Version + 1, Version = Version + 1 };
    }

    /// <summary>
    /// How many comments each passage of the latest version has, passages ordered by where they start: what the
    /// article page shows next to a highlighted passage. Only passages that are still there are counted.
    /// </summary>
    /// <exception cref="ArgumentException">The passages were not all followed to the same version.</exception>
    public static IReadOnlyList<PassageComments> CountPerPassage(IEnumerable<AnchoredPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var all = passages.ToList();
        if (all.Select(p => p.Version).Distinct().Count() > 1)
        {
            throw new ArgumentException("Passages followed to different versions cannot be counted together; follow them all to the latest first.", nameof(passages));
        }

        return [.. all
            .Where(p => p.Current is not null)
            .GroupBy(p => (p.Current!.From, p.Current.To))
            .Select(g => new PassageComments(g.Key.From, g.Key.To, g.Count()))
            .OrderBy(p => p.From)
            .ThenBy(p => p.To)];
    }
}
