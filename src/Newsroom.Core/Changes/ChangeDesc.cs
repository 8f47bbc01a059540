using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Newsroom.Core.Changes;

/// <summary>
/// The shape of a change without its inserted text: which ranges of a document of <see cref="Length"/>
/// code units are kept, deleted or replaced. A port of codemirror's <c>ChangeDesc</c>; cheaper than a
/// <see cref="ChangeSet"/> to keep and to map over, but it cannot be applied. Immutable.
/// </summary>
/// <remarks>
/// Errors: positions outside the document throw <see cref="ArgumentOutOfRangeException"/>; changes whose
/// lengths do not line up throw <see cref="ArgumentException"/>; bad JSON throws
/// <see cref="ChangeSetFormatException"/>. Every message carries the numbers involved.
/// </remarks>
public class ChangeDesc
{
    // Sections are pairs of integers. The first is the length in the current document, the second
    // is -1 for an unaffected stretch and otherwise the length of the replacement. An insertion is
    // (0, n > 0), a deletion (n > 0, 0), a replacement two positive numbers. Lists built here never
    // hold empty sections and merge neighbours of the same kind (SectionBuilder.AddSection). They are
    // never mutated, so a desc and its change set share one array.
    private protected ChangeDesc(ImmutableArray<int> sections, int length, int newLength)
    {
        Sections = sections;
        Length = length;
        NewLength = newLength;
    }

    /// <summary>The length of the document before the change.</summary>
    public int Length { get; }

    /// <summary>The length of the document after the change.</summary>
    public int NewLength { get; }

    /// <summary>False when there are actual changes in this set.</summary>
    public bool IsEmpty => Sections.Length == 0 || (Sections.Length == 2 && Sections[1] < 0);

    /// <summary>A description of the inverse of this change, which goes from its result back to its start.</summary>
    public ChangeDesc InvertedDesc
    {
        get
        {
            var sections = new int[Sections.Length];
            for (var i = 0; i < sections.Length; i += 2)
            {
                int len = Sections[i], ins = Sections[i + 1];
                (sections[i], sections[i + 1]) = ins < 0 ? (len, ins) : (ins, len);
            }

            return new ChangeDesc(ImmutableCollectionsMarshal.AsImmutableArray(sections), NewLength, Length);
        }
    }

    internal ImmutableArray<int> Sections { get; }

    /// <summary>
    /// Calls <paramref name="f"/> for each unchanged stretch, with its position before (posA) and
    /// after (posB) the change.
    /// </summary>
    public void IterGaps(GapCallback f)
    {
        ArgumentNullException.ThrowIfNull(f);
        for (int i = 0, posA = 0, posB = 0; i < Sections.Length;)
        {
            int len = Sections[i++], ins = Sections[i++];
            if (ins < 0)
            {
                f(posA, posB, len);
                posB += len;
            }
            else
            {
                posB += ins;
            }

            posA += len;
        }
    }

    /// <summary>
    /// Calls <paramref name="f"/> for each changed range. Adjacent changes (kept apart for
    /// <see cref="MapPos"/>) are reported as one unless <paramref name="individual"/> is true.
    /// </summary>
    public void IterChangedRanges(ChangedRangeCallback f, bool individual = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        ChangeSetAlgebra.IterChanges(this, null, f, individual);
    }

    /// <summary>
    /// The combined effect of this change followed by <paramref name="other"/>, whose
    /// <see cref="Length"/> must equal this change's <see cref="NewLength"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths do not line up.</exception>
    public ChangeDesc ComposeDesc(ChangeDesc other)
    {
        CheckComposable(other);
        return IsEmpty ? other : other.IsEmpty ? this : ChangeSetAlgebra.ComposeSets(this, other, mkSet: false);
    }

    /// <summary>
    /// Maps this description, which must start in the same document as <paramref name="other"/>, over
    /// <paramref name="other"/> so that it applies after it. When <paramref name="before"/> is true,
    /// insertions at the same position are ordered as if this change happened first.
    /// </summary>
    /// <exception cref="ArgumentException">The two do not start from documents of the same length.</exception>
    public virtual ChangeDesc MapDesc(ChangeDesc other, bool before = false)
    {
        CheckMappable(other);
        return other.IsEmpty ? this : ChangeSetAlgebra.MapSet(this, other, before, mkSet: false);
    }

    /// <summary>
    /// Maps a position in the document before the change to one after it. <paramref name="assoc"/>
    /// picks the side a position at an insertion or replacement stays with (negative: before, else
    /// after). Returns null only when <paramref name="mode"/> is not <see cref="MapMode.Simple"/> and
    /// the deletion that mode tracks happened.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside 0..<see cref="Length"/>.</exception>
    public int? MapPos(int pos, int assoc = -1, MapMode mode = MapMode.Simple)
    {
        if (pos < 0 || pos > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pos), pos, $"Position {pos} is out of range for changeset of length {Length}.");
        }

        if (mode is < MapMode.Simple or > MapMode.TrackAfter)
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"Unknown map mode {(int)mode}.");
        }

        int posA = 0, posB = 0;
        for (var i = 0; i < Sections.Length;)
        {
            int len = Sections[i++], ins = Sections[i++], endA = posA + len;
            if (ins < 0)
            {
                if (endA > pos)
                {
                    return posB + (pos - posA);
                }

                posB += len;
            }
            else
            {
                if (mode != MapMode.Simple && endA >= pos &&
                    ((mode == MapMode.TrackDel && posA < pos && endA > pos) ||
                     (mode == MapMode.TrackBefore && posA < pos) ||
                     (mode == MapMode.TrackAfter && endA > pos)))
                {
                    return null;
                }

                if (endA > pos || (endA == pos && assoc < 0 && len == 0))
                {
                    return pos == posA || assoc < 0 ? posB : posB + ins;
                }

                posB += ins;
            }

            posA = endA;
        }

        return posB;
    }

    /// <summary>
    /// Whether any change touches <paramref name="from"/>..<paramref name="to"/> (a single position
    /// when <paramref name="to"/> is null), adjacent changes included.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed or outside 0..<see cref="Length"/>.</exception>
    public bool TouchesRange(int from, int? to = null) => TouchesRange(from, to ?? from, out _);

    /// <summary>
    /// Like <see cref="TouchesRange(int, int?)"/>; <paramref name="covers"/> is true when a single change
    /// entirely covers the range, codemirror's <c>"cover"</c> result.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed or outside 0..<see cref="Length"/>.</exception>
    public bool TouchesRange(int from, int to, out bool covers)
    {
        if (from < 0 || from > to || to > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"Invalid range {from} to {to} (in change of length {Length}).");
        }

        covers = false;
        for (int i = 0, pos = 0; i < Sections.Length && pos <= to;)
        {
            int len = Sections[i++], ins = Sections[i++], end = pos + len;
            if (ins >= 0 && pos <= to && end >= from)
            {
                covers = pos < from && end > to;
                return true;
            }

            pos = end;
        }

        return false;
    }

    /// <summary>The section list in codemirror's test notation: kept lengths, and <c>len:ins</c> for changes ("5 0:2").</summary>
    public override string ToString()
    {
        var result = new StringBuilder();
        for (var i = 0; i < Sections.Length; i += 2)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(Sections[i]);
            if (Sections[i + 1] >= 0)
            {
                result.Append(':').Append(Sections[i + 1]);
            }
        }

        return result.ToString();
    }

    /// <summary>Codemirror's <c>JSON.stringify(desc.toJSON())</c>: the flat section list, e.g. <c>[5,-1,0,2]</c>.</summary>
    public virtual string ToJson() => ChangeSetJson.WriteDesc(Sections);

    /// <summary>Writes <see cref="ToJson"/> as the next value of <paramref name="writer"/>.</summary>
    public virtual void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(ToJson(), skipInputValidation: true);
    }

    /// <summary>Reads the output of <see cref="ToJson"/>.</summary>
    /// <exception cref="ChangeSetFormatException">Not JSON, or not a list of section pairs.</exception>
    public static ChangeDesc FromJson(string json) => ChangeSetJson.Parse(json, ChangeSetJson.ReadDesc);

    /// <summary>Reads the output of <see cref="ToJson"/> from a parsed JSON value.</summary>
    /// <exception cref="ChangeSetFormatException">Not a list of section pairs.</exception>
    public static ChangeDesc FromJson(JsonElement json) => ChangeSetJson.ReadDesc(json);

    internal static ChangeDesc Create(ImmutableArray<int> sections)
    {
        var (length, newLength) = MeasureSections(sections);
        return new ChangeDesc(sections, length, newLength);
    }

    internal static ChangeDesc Create(ImmutableArray<int> sections, int length, int newLength) =>
        new(sections, length, newLength);

    private protected static (int Length, int NewLength) MeasureSections(ImmutableArray<int> sections)
    {
        int length = 0, newLength = 0;
        for (var i = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            length = checked(length + len);
            newLength = checked(newLength + (ins < 0 ? len : ins));
        }

        return (length, newLength);
    }

    private protected void CheckComposable(ChangeDesc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != NewLength)
        {
            throw new ArgumentException(
                $"Cannot compose: the first change produces a document of length {NewLength}, the second applies to length {other.Length}.",
                nameof(other));
        }
    }

    private protected void CheckMappable(ChangeDesc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length)
        {
            throw new ArgumentException(
                $"Cannot map: this change applies to a document of length {Length}, the other to length {other.Length}.",
                nameof(other));
        }
    }
}
