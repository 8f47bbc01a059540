using System.Globalization;
using System.Text;

namespace Newsroom.Core.Comments;

/// <summary>
/// What a reader types becomes comment text here: one clean form that is stored, counted, compared by the
/// moderation rules and rendered. Cleaning removes what could reorder or hide text (bidi controls, zero-width
/// and other invisible format characters, control characters), so the text a moderator reads is the text
/// readers see, and a banned word cannot slip through with an invisible character inside it.
/// </summary>
/// <remarks>
/// Lengths are counted in Unicode code points (an emoji counts one, as a letter does), after cleaning: what the
/// limit bounds is then what is stored, at most two UTF-16 code units each.
/// </remarks>
public static partial class CommentText
{
    /// <summary>At most this many blank lines in a row are kept; more say nothing more.</summary>
    public const int MaxBlankLines = 2;

    /// <summary>
    /// Combining marks kept on one character: enough for any script's accents and vowel signs, too few for
    /// "Zalgo" text whose stacked marks spill over the comments above and below.
    /// </summary>
    public const int MaxCombiningMarks = 6;

    /// <summary>
    /// The body as it is stored: line breaks as "\n", invisible and control characters removed, every kind of
    /// space as a plain space, trailing spaces on each line dropped, no more than <see cref="MaxBlankLines"/>
    /// blank lines in a row, trimmed.
    /// </summary>
    /// <remarks>
    /// Not normalised to a Unicode normal form: the newsroom runs with invariant globalization, where .NET's
    /// <see cref="string.Normalize()"/> leaves non-ASCII text as it is.
    /// </remarks>
    public static string Clean(string? text)
    {
        var lines = RemoveInvisible(text ?? "").Split('\n');
        var result = new StringBuilder(text?.Length ?? 0);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd(' ');
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= MaxBlankLines)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim(' ', '\n');
    }

    /// <summary>A comment body, cleaned, or why it is refused: empty, or outside <paramref name="minLength"/>..<paramref name="maxLength"/>.</summary>
    /// <param name="body">What the reader typed.</param>
    /// <param name="minLength">The fewest characters a comment may have (the thread's setting; 1 or more).</param>
    /// <param name="maxLength">The most characters a comment may have (the thread's setting).</param>
    public static CommentTextCheck CheckBody(string? body, int minLength, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        var text = Clean(body);
        var length = Length(text);
        return length == 0
            ? CommentTextCheck.Refuse(CommentTextCheck.BodyField, "The comment is empty: write something first.")
            : length < minLength
            ? CommentTextCheck.Refuse(CommentTextCheck.BodyField, $"A comment must be at least {minLength} characters long; this one has {length}.")
            : length > maxLength
            ? CommentTextCheck.Refuse(CommentTextCheck.BodyField, $"A comment may be at most {maxLength} characters long; this one has {length}.")
            : CommentTextCheck.Accept(CommentTextCheck.BodyField, text);
    }

    /// <summary>The length limits count in: Unicode code points.</summary>
    public static int Length(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string RemoveInvisible(string text)
    {
        var result = new StringBuilder(text.Length);
        var previous = default(Rune);
        var marks = 0;
        var runes = text.EnumerateRunes().ToArray(); // a broken surrogate comes out as U+FFFD
        for (var i = 0; i < runes.Length; i++)
        {
            var rune = runes[i];
            var category = Rune.GetUnicodeCategory(rune);
            var isMark = category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
            if (isMark && ++marks > MaxCombiningMarks)
            {
                continue;
            }

            switch (rune.Value)
            {
                case '\r' when i + 1 < runes.Length && runes[i + 1].Value == '\n':
                    continue;
                case '\r' or '\n' or 0x85 or 0x2028 or 0x2029:
                    result.Append('\n');
                    break;
                case '\t' or 0x2800:
                    result.Append(' ');
                    break;
                case 0x200D when IsEmoji(previous) && i + 1 < runes.Length && IsEmoji(runes[i + 1]):
                    result.Append('\u200D'); // joins emoji (👩‍⚕️); between letters it would only hide a word
                    break;
                default:
                    if (IsInvisible(rune, category))
                    {
                        continue;
                    }

                    if (category == UnicodeCategory.SpaceSeparator)
                    {
                        result.Append(' ');
                    }
                    else
                    {
                        result.Append(rune.ToString());
                    }

                    break;
            }

            // Only a character that stays ends a run of marks: one removed in between must not start a new run.
            marks = isMark ? marks : 0;
            previous = rune;
        }

        return result.ToString();
    }

    /// <summary>
    /// Control and format characters (bidi overrides and isolates, zero-width spaces and joiners, word joiner,
    /// byte order mark, soft hyphen, tag characters, invisible Arabic and Mongolian marks), noncharacters, and the
    /// Hangul fillers and combining grapheme joiner, which are letters or marks that draw nothing.
    /// </summary>
    private static bool IsInvisible(Rune rune, UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate ||
        rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or >= 0xFDD0 and <= 0xFDEF ||
        (rune.Value & 0xFFFE) == 0xFFFE;

    private static bool IsEmoji(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol || rune.Value is 0xFE0F or >= 0x1F3FB and <= 0x1F3FF;
}
