using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Newsroom.Core.Changes;

/// <summary>
/// A group of changes to a document of exactly <see cref="ChangeDesc.Length"/> UTF-16 code units,
/// with the text they insert: a port of codemirror's <c>ChangeSet</c>. Inserted text uses "\n" line
/// breaks, one code unit each. Immutable; instances come from <see cref="Of(ChangeSpec, int)"/>,
/// <see cref="Empty"/>, <see cref="FromJson(string)"/> and the algebra methods.
/// </summary>
/// <remarks>
/// The operational-transformation law: for changes A and B that start in the same document,
/// <c>A.Compose(B.Map(A))</c> and <c>B.Compose(A.Map(B, before: true))</c> produce the same document.
/// </remarks>
public sealed class ChangeSet : ChangeDesc
{
    private static readonly ChangeSet _emptyDocument = new([], [], 0, 0);

    // Inserted text per section pair (index i >> 1 for the pair at i), as in codemirror. The array
    // may stop before the last section, and sections without text hold "", so a missing entry and
    // an empty one mean the same thing.
    private readonly string[] _inserted;

    private ChangeSet(ImmutableArray<int> sections, string[] inserted, int length, int newLength)
        : base(sections, length, newLength)
    {
        _inserted = inserted;
    }

    /// <summary>This change without its text.</summary>
    public ChangeDesc Desc => ChangeDesc.Create(Sections, Length, NewLength);

    internal string[] Inserted => _inserted;

    /// <summary>
    /// Builds the change set for <paramref name="changes"/>, which all refer to the same document of
    /// <paramref name="length"/> code units. They may come in any order and overlap: whenever one
    /// starts before the previous one ends, the changes so far count as having happened first and the
    /// rest are mapped over them. Inserts are split into lines on <paramref name="lineSeparator"/>
    /// (when null or empty, on "\r\n", "\r" and "\n") and joined with "\n".
    /// </summary>
    /// <remarks>
    /// With a custom separator a "\n" inside an insert stays as it is, as in codemirror, but
    /// <see cref="ToJson"/> then writes it as a line break (codemirror keeps it inside one line). The
    /// text and lengths are the same either way.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A negative length, or a change with <c>From &gt; To</c>, <c>From &lt; 0</c> or <c>To &gt; length</c>.</exception>
    public static ChangeSet Of(IEnumerable<ChangeSpec> changes, int length, string? lineSeparator = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        CheckLength(length);
        var sections = new SectionBuilder(withInserts: true);
        ChangeSet? total = null;
        var pos = 0;
        foreach (var change in changes)
        {
            var (from, to) = ChangeSpecResolver.Range(change, length);
            var text = ChangeSpecResolver.Insert(change.Insert, lineSeparator);
            if (from == to && text.Length == 0)
            {
                continue;
            }

            if (from < pos)
            {
                total = Flush(ref sections, total, ref pos, length);
            }

            if (from > pos)
            {
                sections.AddSection(from - pos, -1);
            }

            sections.AddSection(to - from, text.Length);
            sections.AddInsert(text);
            pos = to;
        }

        return sections.Count > 0 || total is null ? Flush(ref sections, total, ref pos, length) : total;
    }

    /// <summary>
    /// Builds the change set for one change to a document of <paramref name="length"/> code units.
    /// Inserted text is split on "\r\n", "\r" and "\n" and joined with "\n".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative length, or <c>From &gt; To</c>, <c>From &lt; 0</c> or <c>To &gt; length</c>.</exception>
    public static ChangeSet Of(ChangeSpec change, int length)
    {
        // The single-edit path builds the at most three sections directly: it runs once per
        // keystroke, so it allocates only the two arrays and the set.
        CheckLength(length);
        var (from, to) = ChangeSpecResolver.Range(change, length);
        var text = ChangeSpecResolver.Insert(change.Insert, null);
        if (from == to && text.Length == 0)
        {
            return Empty(length);
        }

        var sections = new int[(from > 0 ? 2 : 0) + 2 + (to < length ? 2 : 0)];
        var at = 0;
        if (from > 0)
        {
            sections[0] = from;
            sections[1] = -1;
            at = 2;
        }

        sections[at] = to - from;
        sections[at + 1] = text.Length;
        if (to < length)
        {
            sections[at + 2] = length - to;
            sections[at + 3] = -1;
        }

        string[] inserted = text.Length == 0 ? [] : at == 0 ? [text] : [string.Empty, text];
        return new ChangeSet(
            ImmutableCollectionsMarshal.AsImmutableArray(sections), inserted, length, length - (to - from) + text.Length);
    }

    /// <summary>A change set that leaves a document of <paramref name="length"/> code units unchanged.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative.</exception>
    public static ChangeSet Empty(int length)
    {
        CheckLength(length);
        return length == 0 ? _emptyDocument : new ChangeSet([length, -1], [], length, length);
    }

    /// <summary>
    /// Reads the output of <see cref="ToJson"/> (codemirror's <c>ChangeSet.toJSON</c> format). Sections
    /// that codemirror would have merged or dropped (adjacent kept lengths, empty changes) are
    /// normalized, so anything codemirror wrote round-trips exactly.
    /// </summary>
    /// <exception cref="ChangeSetFormatException">Not JSON, or not a change set: wrong types, negative or non-integer lengths, bad nesting.</exception>
    public static new ChangeSet FromJson(string json) => ChangeSetJson.Parse(json, ChangeSetJson.ReadSet);

    /// <summary>Reads the output of <see cref="ToJson"/> from a parsed JSON value.</summary>
    /// <exception cref="ChangeSetFormatException">Not a change set: wrong types, negative or non-integer lengths, bad nesting.</exception>
    public static new ChangeSet FromJson(JsonElement json) => ChangeSetJson.ReadSet(json);

    /// <summary>Applies the changes to <paramref name="doc"/>, whose length must be <see cref="ChangeDesc.Length"/>.</summary>
    /// <exception cref="ArgumentException">The document has the wrong length.</exception>
    public string Apply(string doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        CheckDocument(doc, "Applying change set to");
        if (IsEmpty)
        {
            return doc;
        }

        return string.Create(NewLength, (Set: this, Doc: doc), static (target, state) =>
        {
            var (sections, inserted) = (state.Set.Sections, state.Set._inserted);
            int posA = 0, posB = 0;
            for (var i = 0; i < sections.Length; i += 2)
            {
                int len = sections[i], ins = sections[i + 1];
                if (ins < 0)
                {
                    state.Doc.AsSpan(posA, len).CopyTo(target[posB..]);
                    posB += len;
                }
                else
                {
                    if (ins > 0)
                    {
                        inserted[i >> 1].AsSpan().CopyTo(target[posB..]);
                    }

                    posB += ins;
                }

                posA += len;
            }
        });
    }

    /// <summary>
    /// The change set that undoes this one. <paramref name="doc"/> must be the document as it was
    /// before this change, so the deleted text can be restored.
    /// </summary>
    /// <exception cref="ArgumentException">The document has the wrong length.</exception>
    public ChangeSet Invert(string doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        CheckDocument(doc, "Inverting change set against");
        var sections = Sections.ToArray();
        var inserted = new string[sections.Length >> 1];
        for (int i = 0, pos = 0; i < sections.Length; i += 2)
        {
            int len = sections[i], ins = sections[i + 1];
            inserted[i >> 1] = string.Empty;
            if (ins >= 0)
            {
                (sections[i], sections[i + 1]) = (ins, len);
                inserted[i >> 1] = doc.Substring(pos, len);
            }

            pos += len;
        }

        return new ChangeSet(ImmutableCollectionsMarshal.AsImmutableArray(sections), inserted, NewLength, Length);
    }

    /// <summary>
    /// Combines this change with <paramref name="other"/>, which must start in the document this one
    /// produces: if this goes docA → docB and <paramref name="other"/> docB → docC, the result goes docA → docC.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="other"/>'s length is not this change's new length.</exception>
    public ChangeSet Compose(ChangeSet other)
    {
        CheckComposable(other);
        return IsEmpty ? other : other.IsEmpty ? this : (ChangeSet)ChangeSetAlgebra.ComposeSets(this, other, mkSet: true);
    }

    /// <summary>
    /// Maps this change over <paramref name="other"/>, which starts in the same document, giving a change
    /// that applies to the document <paramref name="other"/> produces. When <paramref name="before"/>
    /// is true, insertions at the same position go as if this change came first; otherwise
    /// <paramref name="other"/> is treated as first.
    /// </summary>
    /// <exception cref="ArgumentException">The two do not start from documents of the same length.</exception>
    public ChangeSet Map(ChangeDesc other, bool before = false)
    {
        CheckMappable(other);
        return other.IsEmpty ? this : (ChangeSet)ChangeSetAlgebra.MapSet(this, other, before, mkSet: true);
    }

    /// <summary>Like <see cref="Map"/>, but always rebuilds the set, as codemirror's <c>ChangeSet.mapDesc</c> does.</summary>
    /// <exception cref="ArgumentException">The two do not start from documents of the same length.</exception>
    public override ChangeSet MapDesc(ChangeDesc other, bool before = false)
    {
        CheckMappable(other);
        return (ChangeSet)ChangeSetAlgebra.MapSet(this, other, before, mkSet: true);
    }

    /// <summary>
    /// Calls <paramref name="f"/> for each changed range with its extent before and after the change
    /// and the text that replaces it. Adjacent changes are reported as one unless
    /// <paramref name="individual"/> is true.
    /// </summary>
    public void IterChanges(ChangeCallback f, bool individual = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        ChangeSetAlgebra.IterChanges(this, f, null, individual);
    }

    /// <summary>
    /// Codemirror's <c>JSON.stringify(set.toJSON())</c>: a kept length is a number, <c>[n]</c> deletes n,
    /// <c>[n, "line1", "line2"]</c> replaces n with the lines joined by "\n". Strings are escaped as
    /// <c>JSON.stringify</c> escapes them, so lone surrogates survive.
    /// </summary>
    public override string ToJson() => ChangeSetJson.WriteSet(Sections, _inserted);

    internal static ChangeSet Create(ImmutableArray<int> sections, string[] inserted)
    {
        var (length, newLength) = MeasureSections(sections);
        return new ChangeSet(sections, inserted, length, newLength);
    }

    private static ChangeSet Flush(ref SectionBuilder sections, ChangeSet? total, ref int pos, int length)
    {
        if (pos < length)
        {
            sections.AddSection(length - pos, -1);
        }

        var set = sections.ToSet();
        sections.Clear();
        pos = 0;
        return total is null ? set : total.Compose(set.Map(total));
    }

    private static void CheckLength(int length)
    {
        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"Document length {length} is negative.");
        }
    }

    private void CheckDocument(string doc, string action)
    {
        if (doc.Length != Length)
        {
            throw new ArgumentException(
                $"{action} a document with the wrong length (document has {doc.Length}, change set expects {Length}).", nameof(doc));
        }
    }
}
