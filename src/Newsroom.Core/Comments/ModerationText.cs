using System.Text;

namespace Newsroom.Core.Comments;

/// <summary>
/// Turns comment text into the words the word lists are matched against, undoing the cheap disguises people use to
/// slip a word past a filter: case, accents ("ïdiot"), invisible characters inside a word, letters spelled apart
/// ("i d i o t", "i.d.i.o.t"), digits and symbols for letters ("1d10t", "$pam") and stretched letters ("idiooot").
/// It stays a whole-word match, so "Scunthorpe" is never caught by a shorter word inside it.
/// </summary>
internal static class ModerationText
{
    // Invariant globalization (set for the whole solution) makes string.Normalize a no-op, so accents are folded by
    // this table instead: each letter in the first string becomes the one at the same place in the second.
    private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżžðþ";
    private const string Folded = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrssssttt" + "uuuuuuuuuuwyyyzzzdt";

    /// <summary>The words of <paramref name="text"/>, folded, with spelled-apart letters joined back into one word.</summary>
    public static IReadOnlyList<ModerationWord> Words(string text)
    {
        var raw = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsInvisible(c))
            {
                continue;
            }

            var letter = AsLetter(text, i);
            if (letter is { } l)
            {
                AppendFolded(word, l);
            }
            else if (word.Length > 0)
            {
                raw.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            raw.Add(word.ToString());
        }

        return JoinSpelledApart(raw).Select(w => new ModerationWord(Unleet(w))).ToList();
    }

    /// <summary>Text compared for "the same comment again": folded, words only, so spacing and punctuation do not matter.</summary>
    public static string Fingerprint(string text) => string.Join(' ', Words(text).Select(w => w.Text));

    // Runs of one-letter words ("i d i o t") become one word. A single "a" or "I" stays as it is.
    private static IEnumerable<string> JoinSpelledApart(List<string> words)
    {
        var run = new StringBuilder();
        var runLength = 0;
        foreach (var w in words)
        {
            if (w.Length == 1)
            {
                run.Append(w);
                runLength++;
                continue;
            }

            foreach (var flushed in Flush())
            {
                yield return flushed;
            }

            yield return w;
        }

        foreach (var flushed in Flush())
        {
            yield return flushed;
        }

        IEnumerable<string> Flush()
        {
            if (runLength >= 3)
            {
                yield return run.ToString();
            }
            else
            {
                foreach (var c in run.ToString())
                {
                    yield return c.ToString();
                }
            }

            run.Clear();
            runLength = 0;
        }
    }

    // Digits stand for letters only inside a word that has letters too, so "2026" and "10" stay numbers.
    private static string Unleet(string word)
    {
        if (!word.Any(char.IsLetter) || !word.Any(char.IsDigit))
        {
            return word;
        }

        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '0' => 'o',
                '1' => 'i',
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '8' => 'b',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    // '$' and '@' count as letters only when they touch a letter: "$pam", "sh@t", but not "@rosa" or "$5".
    private static char? AsLetter(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return c;
        }

        var before = i > 0 && char.IsLetter(text[i - 1]);
        var after = i + 1 < text.Length && char.IsLetter(text[i + 1]);
        return c switch
        {
            '$' when after => 's',
            '@' when before && after => 'a',
            // '\0' keeps the word going without adding to it: a combining accent belongs to the letter before.
            _ => IsCombiningMark(c) ? '\0' : null,
        };
    }

    private static void AppendFolded(StringBuilder word, char c)
    {
        if (c == '\0')
        {
            return;
        }

        var lower = char.ToLowerInvariant(c);
        var at = Accented.IndexOf(lower, StringComparison.Ordinal);
        switch (lower)
        {
            case 'ß':
                word.Append("ss");
                break;
            case 'æ':
                word.Append("ae");
                break;
            case 'œ':
                word.Append("oe");
                break;
            default:
                word.Append(at >= 0 ? Folded[at] : lower);
                break;
        }
    }

    // Combining accents (from decomposed input) vanish with the rest of the accent folding.
    private static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    // Zero-width spaces and joiners, soft hyphens and bidi controls hide inside words without showing.
    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

/// <summary>One folded word, and the same word with stretched letters squeezed ("idiooot" → "idiot").</summary>
internal sealed record ModerationWord(string Text)
{
    public string Squeezed { get; } = Squeeze(Text);

    /// <summary>Three or more of one letter in a row: a stretched word, compared squeezed.</summary>
    public bool IsStretched { get; } = HasRun(Text, 3);

    public static string Squeeze(string text)
    {
        var squeezed = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (squeezed.Length == 0 || squeezed[^1] != c)
            {
                squeezed.Append(c);
            }
        }

        return squeezed.ToString();
    }

    private static bool HasRun(string text, int length)
    {
        var run = 1;
        for (var i = 1; i < text.Length; i++)
        {
            run = text[i] == text[i - 1] ? run + 1 : 1;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }
}
