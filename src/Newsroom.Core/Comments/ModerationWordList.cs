namespace Newsroom.Core.Comments;

/// <summary>
/// A list of words or short phrases moderators chose (banned or suspect), matched as whole words after the folding
/// in <see cref="ModerationText"/>, so "Idiot", "ÏDIOT", "i.d.i.o.t" and "1d10t" all match "idiot" while
/// "idiotic" or "Scunthorpe" never match a shorter entry. Immutable: changing a list builds a new one.
/// </summary>
public sealed class ModerationWordList
{
    private readonly List<Entry> _entries;

    // Entries by their first word, exact and squeezed, so a long comment against a long list costs a lookup per word.
    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _bySqueezedFirstWord = new(StringComparer.Ordinal);

    private ModerationWordList(List<Entry> entries)
    {
        _entries = entries;
        foreach (var entry in entries)
        {
            Index(_byFirstWord, entry.Words[0].Text, entry);
            Index(_bySqueezedFirstWord, entry.Words[0].Squeezed, entry);
        }
    }

    public static ModerationWordList Empty { get; } = new([]);

    /// <summary>The entries as moderators wrote them, blank ones left out.</summary>
    public IReadOnlyList<string> Entries => [.. _entries.Select(e => e.Written)];

    /// <summary>Builds a list; entries that fold to no word at all (blank, only punctuation) are left out.</summary>
    public static ModerationWordList Of(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var built = new List<Entry>();
        foreach (var written in entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.Ordinal))
        {
            var words = ModerationText.Words(written);
            if (words.Count > 0)
            {
                built.Add(new Entry(written, [.. words]));
            }
        }

        return new ModerationWordList(built);
    }

    /// <summary>The first entry (as written) that <paramref name="text"/> contains, or null.</summary>
    public string? FindIn(string text) => FindIn(ModerationText.Words(text));

    internal string? FindIn(IReadOnlyList<ModerationWord> words)
    {
        if (_entries.Count == 0)
        {
            return null;
        }

        for (var start = 0; start < words.Count; start++)
        {
            var word = words[start];
            var candidates = _byFirstWord.GetValueOrDefault(word.Text) ?? [];
            var stretched = word.IsStretched ? _bySqueezedFirstWord.GetValueOrDefault(word.Squeezed) ?? [] : [];
            foreach (var entry in candidates.Concat(stretched))
            {
                if (MatchesAt(words, start, entry.Words))
                {
                    return entry.Written;
                }
            }
        }

        return null;
    }

    private static void Index(Dictionary<string, List<Entry>> index, string key, Entry entry)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(entry);
    }

    private static bool MatchesAt(IReadOnlyList<ModerationWord> words, int start, ModerationWord[] entry)
    {
        if (start + entry.Length > words.Count)
        {
            return false;
        }

        for (var i = 0; i < entry.Length; i++)
        {
            var word = words[start + i];
            var same = word.Text == entry[i].Text || (word.IsStretched && word.Squeezed == entry[i].Squeezed);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Entry(string Written, ModerationWord[] Words);
}
