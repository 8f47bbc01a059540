using Newsroom.Core.Changes;

namespace Newsroom.Core.Comments;

/// <summary>
/// The passage an inline comment is about: a range of one published version's body (UTF-16 offsets, as the
/// browser's selection and Core's change sets count) and the text it quoted, kept so the comment still says what
/// it referred to once the story has changed under it.
/// </summary>
public sealed record InlineAnchor(int Version, int From, int To, string Quote)
{
    /// <summary>A passage is a sentence or a paragraph; a reader commenting on more is commenting on the story.</summary>
    public const int MaxPassageLength = 1_000;

    public int Length => To - From;

    /// <summary>The anchor for a reader's selection, or why it is refused.</summary>
    /// <param name="version">The published version the reader was reading (1 for the first).</param>
    /// <param name="from">Where the passage starts in that version's body.</param>
    /// <param name="to">Where it ends (exclusive).</param>
    /// <param name="quote">The passage as the reader's page showed it; it must be exactly the body's text there.</param>
    /// <param name="body">That version's body.</param>
    /// <param name="maxLength">The longest passage allowed, in UTF-16 code units.</param>
    public static InlineAnchorCheck Check(int version, int from, int to, string? quote, string body, int maxLength = MaxPassageLength)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (version < 1)
        {
            return InlineAnchorCheck.Refuse($"Version {version} is not a published version; versions count from 1.");
        }

        if (from < 0 || to > body.Length)
        {
            return InlineAnchorCheck.Refuse($"The passage {from} to {to} lies outside the story's text, which is {body.Length} characters long.");
        }

        if (from >= to)
        {
            return InlineAnchorCheck.Refuse($"Select a passage of at least one character; {from} to {to} is empty.");
        }

        if (to - from > maxLength)
        {
            return InlineAnchorCheck.Refuse($"A passage may be at most {maxLength} characters long; this one has {to - from}.");
        }

        if (char.IsLowSurrogate(body[from]) || (to < body.Length && char.IsLowSurrogate(body[to])))
        {
            return InlineAnchorCheck.Refuse($"The passage {from} to {to} starts or ends inside a character.");
        }

        var text = body.Substring(from, to - from);
        if (quote != text)
        {
            return InlineAnchorCheck.Refuse(
                $"The quoted text is not what version {version} says at {from} to {to}; select the passage again.");
        }

        return string.IsNullOrWhiteSpace(text)
            ? InlineAnchorCheck.Refuse("The selected passage is only blank space; select some words.")
            : InlineAnchorCheck.Accept(new InlineAnchor(version, from, to, text));
    }

    /// <summary>
    /// This anchor in the version <paramref name="change"/> leads to, or null when the change touched the passage:
    /// deleted or replaced any of it, or inserted text strictly inside it (the quote would no longer match). Text
    /// inserted right at either edge goes outside, so the passage never grows to take in what was added next to it.
    /// </summary>
    /// <param name="change">Takes this anchor's version's body to the next published version's body.</param>
    /// <exception cref="ArgumentException">The change starts from a body shorter than this passage's end.</exception>
    public InlineAnchor? MapThrough(ChangeDesc change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (To > change.Length)
        {
            throw new ArgumentException(
                $"The change applies to a body of {change.Length} characters; this passage ends at {To}: it is not a change from version {Version}.", nameof(change));
        }

        // A change from fromA to toA touches the passage when the two ranges overlap; an insertion (fromA == toA)
        // then overlaps only strictly inside, never at From or To.
        var touched = false;
        change.IterChangedRanges((fromA, toA, _, _) => touched |= fromA < To && toA > From, individual: true);
        if (touched)
        {
            return null;
        }

        // Untouched, the passage moves as one piece. Its start goes after text inserted right at it (assoc 1), so
        // an insertion at either edge stays outside.
        var from = change.MapPos(From, assoc: 1)!.Value;
        return this with { Version = Version + 1, From = from, To = from + Length };
    }

    /// <summary>Whether two anchors in the same version share at least one character: a page highlights them together.</summary>
    public bool Overlaps(InlineAnchor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.Version == Version && other.From < To && From < other.To;
    }
}
