namespace Newsroom.Core.Changes;

/// <summary>
/// The change from one text to another when the edits that made it are no longer at hand: a character diff
/// (Myers' O(ND) algorithm), so that a passage outside what changed keeps its place through the change and
/// positions map through it as they would through the real edits.
/// </summary>
public static class TextDiff
{
    /// <summary>
    /// Past this many inserted plus deleted characters (after the common start and end are set aside) the middle
    /// is replaced whole: a rewrite that large keeps no passage's identity anyway, and the search is O(N·D).
    /// </summary>
    public const int MaxEditDistance = 4_000;

    public static ChangeSet Between(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var prefix = before.AsSpan().CommonPrefixLength(after);
        var suffix = before.AsSpan(prefix).CommonSuffixLengthWith(after.AsSpan(prefix));
        var middle = before.Length - prefix - suffix;
        var changes = new List<ChangeSpec>();
        if (Diff(before.AsSpan(prefix, middle), after.AsSpan(prefix, after.Length - prefix - suffix)) is { } edits)
        {
            foreach (var (from, to, insertFrom, insertTo) in edits)
            {
                changes.Add(new ChangeSpec(prefix + from, prefix + to, after.Substring(prefix + insertFrom, insertTo - insertFrom)));
            }
        }
        else
        {
            changes.Add(new ChangeSpec(prefix, prefix + middle, after.Substring(prefix, after.Length - prefix - suffix)));
        }

        // "\n" as the separator keeps every character as it is, so the change's lengths match the texts exactly.
        return ChangeSet.Of(changes, before.Length, "\n");
    }

    private static int CommonSuffixLengthWith(this ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    // Replacements in a's coordinates, in order, each taking a[From..To] to b[InsertFrom..InsertTo]; null when the
    // edit distance is over the cap.
    private static List<(int From, int To, int InsertFrom, int InsertTo)>? Diff(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int n = a.Length, m = b.Length, max = Math.Min(n + m, MaxEditDistance);
        if (n + m > 0 && (n == 0 || m == 0))
        {
            return n + m <= MaxEditDistance ? [(0, n, 0, m)] : null;
        }

        var offset = max + 1;
        var v = new int[2 * max + 3];
        var trace = new List<int[]>();
        for (var d = 0; d <= max; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    return Backtrack(trace, offset, n, m, d);
                }
            }
        }

        return null;
    }

    private static List<(int From, int To, int InsertFrom, int InsertTo)> Backtrack(List<int[]> trace, int offset, int n, int m, int depth)
    {
        // Walk back from the end, one edit per step, recording deletions and insertions; merge neighbours after.
        var steps = new List<(int X, int Y, bool Delete)>();
        int x = n, y = m;
        for (var d = depth; d > 0; d--)
        {
            var v = trace[d];
            var k = x - y;
            var down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
            var previousK = down ? k + 1 : k - 1;
            var previousX = v[offset + previousK];
            var previousY = previousX - previousK;
            while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0))
            {
                x--;
                y--;
            }

            steps.Add(down ? (previousX, previousY, false) : (previousX, previousY, true));
            (x, y) = (previousX, previousY);
        }

        steps.Reverse();
        var edits = new List<(int From, int To, int InsertFrom, int InsertTo)>();
        foreach (var (sx, sy, delete) in steps)
        {
            var edit = delete ? (sx, sx + 1, sy, sy) : (sx, sx, sy, sy + 1);
            if (edits.Count > 0 && edits[^1].To == edit.Item1 && edits[^1].InsertTo == edit.Item3)
            {
                edits[^1] = (edits[^1].From, edit.Item2, edits[^1].InsertFrom, edit.Item4);
            }
            else
            {
                edits.Add(edit);
            }
        }

        return edits;
    }
}
