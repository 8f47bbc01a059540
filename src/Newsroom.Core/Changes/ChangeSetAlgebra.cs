namespace Newsroom.Core.Changes;

/// <summary>
/// The section-walking algorithms behind compose, map and iteration, ported line by line from
/// codemirror's <c>mapSet</c>, <c>composeSets</c> and <c>iterChanges</c>. Callers check lengths first,
/// so the "mismatched lengths" branches here only fire on a broken invariant.
/// </summary>
internal static class ChangeSetAlgebra
{
    /// <summary>
    /// Produces a copy of <paramref name="setA"/> that applies to the document after
    /// <paramref name="setB"/> (both start at the same document). With <paramref name="mkSet"/> the
    /// result is a <see cref="ChangeSet"/> carrying A's text.
    /// </summary>
    public static ChangeDesc MapSet(ChangeDesc setA, ChangeDesc setB, bool before, bool mkSet)
    {
        var sections = new SectionBuilder(mkSet);
        var a = new SectionIterator(setA);
        var b = new SectionIterator(setB);

        // For a change in A that is processed piece by piece, `inserted` is the section index whose
        // text has already been emitted, so the text goes out once.
        for (var inserted = -1; ;)
        {
            if ((a.Done && b.Len != 0) || (b.Done && a.Len != 0))
            {
                throw MismatchedLengths(setA, setB);
            }
            else if (a.Ins == -1 && b.Ins == -1)
            {
                // Move across ranges skipped by both sets.
                var len = Math.Min(a.Len, b.Len);
                sections.AddSection(len, -1);
                a.Forward(len);
                b.Forward(len);
            }
            else if (b.Ins >= 0 && (a.Ins < 0 || inserted == a.I || (a.Off == 0 && (b.Len < a.Len || (b.Len == a.Len && !before)))))
            {
                // A change in B comes before the next change in A (ordered by start, then length,
                // then the before flag): skip over it, handling the changes in A that it covers.
                var len = b.Len;
                sections.AddSection(b.Ins, -1);
                while (len != 0)
                {
                    var piece = Math.Min(a.Len, len);
                    if (a.Ins >= 0 && inserted < a.I && a.Len <= piece)
                    {
                        sections.AddSection(0, a.Ins);
                        sections.AddInsert(a.Text);
                        inserted = a.I;
                    }

                    a.Forward(piece);
                    len -= piece;
                }

                b.Next();
            }
            else if (a.Ins >= 0)
            {
                // Emit the part of A's change up to the start of the next non-deletion change in B.
                int len = 0, left = a.Len;
                while (left != 0)
                {
                    if (b.Ins == -1)
                    {
                        var piece = Math.Min(left, b.Len);
                        len += piece;
                        left -= piece;
                        b.Forward(piece);
                    }
                    else if (b.Ins == 0 && b.Len < left)
                    {
                        left -= b.Len;
                        b.Next();
                    }
                    else
                    {
                        break;
                    }
                }

                sections.AddSection(len, inserted < a.I ? a.Ins : 0);
                if (inserted < a.I)
                {
                    sections.AddInsert(a.Text);
                }

                inserted = a.I;
                a.Forward(a.Len - left);
            }
            else if (a.Done && b.Done)
            {
                return mkSet ? sections.ToSet() : sections.ToDesc();
            }
            else
            {
                throw MismatchedLengths(setA, setB);
            }
        }
    }

    /// <summary>
    /// Combines <paramref name="setA"/> with <paramref name="setB"/>, which starts in the document A
    /// produces. With <paramref name="mkSet"/> both must be change sets and the result is one.
    /// </summary>
    public static ChangeDesc ComposeSets(ChangeDesc setA, ChangeDesc setB, bool mkSet)
    {
        var sections = new SectionBuilder(mkSet);
        var a = new SectionIterator(setA);
        var b = new SectionIterator(setB);

        // `open` is true while the last emitted section belongs to a change that continues, so the
        // next piece of it joins that section instead of starting a new one.
        for (var open = false; ;)
        {
            if (a.Done && b.Done)
            {
                return mkSet ? sections.ToSet() : sections.ToDesc();
            }
            else if (a.Ins == 0)
            {
                // Deletion in A: B never sees this text.
                sections.AddSection(a.Len, 0, open);
                a.Next();
            }
            else if (b.Len == 0 && !b.Done)
            {
                // Insertion in B.
                sections.AddSection(0, b.Ins, open);
                sections.AddInsert(b.Text);
                b.Next();
            }
            else if (a.Done || b.Done)
            {
                throw MismatchedLengths(setA, setB);
            }
            else
            {
                int len = Math.Min(a.Len2, b.Len), sectionCount = sections.Count;
                if (a.Ins == -1)
                {
                    var insB = b.Ins == -1 ? -1 : b.Off != 0 ? 0 : b.Ins;
                    sections.AddSection(len, insB, open);
                    if (insB > 0)
                    {
                        sections.AddInsert(b.Text);
                    }
                }
                else if (b.Ins == -1)
                {
                    sections.AddSection(a.Off != 0 ? 0 : a.Len, len, open);
                    if (mkSet)
                    {
                        sections.AddInsert(a.TextBit(len));
                    }
                }
                else
                {
                    sections.AddSection(a.Off != 0 ? 0 : a.Len, b.Off != 0 ? 0 : b.Ins, open);
                    if (b.Off == 0)
                    {
                        sections.AddInsert(b.Text);
                    }
                }

                open = (a.Ins > len || (b.Ins >= 0 && b.Len > len)) && (open || sections.Count > sectionCount);
                a.Forward2(len);
                b.Forward(len);
            }
        }
    }

    /// <summary>
    /// Reports each changed range; unless <paramref name="individual"/>, adjacent changes are reported
    /// as one. Text is only gathered for <paramref name="withText"/>.
    /// </summary>
    public static void IterChanges(ChangeDesc desc, ChangeCallback? withText, ChangedRangeCallback? rangesOnly, bool individual)
    {
        var sections = desc.Sections;
        var inserted = desc is ChangeSet set && withText is not null ? set.Inserted : null;
        for (int posA = 0, posB = 0, i = 0; i < sections.Length;)
        {
            int len = sections[i++], ins = sections[i++];
            if (ins < 0)
            {
                posA += len;
                posB += len;
                continue;
            }

            int endA = posA, endB = posB;
            var text = string.Empty;
            for (; ; )
            {
                endA += len;
                endB += ins;
                if (ins != 0 && inserted is not null)
                {
                    var index = (i - 2) >> 1;
                    text = text.Length == 0 ? inserted[index] : string.Concat(text, inserted[index]);
                }

                if (individual || i == sections.Length || sections[i + 1] < 0)
                {
                    break;
                }

                len = sections[i++];
                ins = sections[i++];
            }

            withText?.Invoke(posA, endA, posB, endB, text);
            rangesOnly?.Invoke(posA, endA, posB, endB);
            posA = endA;
            posB = endB;
        }
    }

    private static InvalidOperationException MismatchedLengths(ChangeDesc a, ChangeDesc b) =>
        new($"Mismatched change set lengths ({a} against {b}).");
}
