using System.Globalization;
using System.Text;

namespace Newsroom.Core.Comments;

public static partial class CommentText
{
    public const int MaxNameLength = 50;

    /// <summary>The longest address SMTP can deliver to (RFC 5321's path limit less the angle brackets).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// Words a guest's name may not contain, since only signed-in staff carry the newsroom's badge: a guest
    /// called "Mona (Moderator)" or "Newsroom Staff" would borrow its authority.
    /// </summary>
    private static readonly string[] _staffWords = ["staff", "moderator", "admin", "administrator", "editor", "newsroom"];

    /// <summary>
    /// A guest's display name, cleaned to one line with single spaces, or why it is refused: empty (invisible
    /// characters count as nothing), longer than <see cref="MaxNameLength"/>, without a letter or digit, holding a web
    /// address, posing as
    /// staff (a staff word, however spelled: "St4ff", "ＥＤＩＴＯＲ", Cyrillic look-alikes), or the name of a member of
    /// staff in <paramref name="staffNames"/>.
    /// </summary>
    public static CommentTextCheck CheckGuestName(string? name, IReadOnlyCollection<string>? staffNames = null)
    {
        var text = string.Join(' ', Clean(name).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        var length = Length(text);
        if (length == 0)
        {
            return CommentTextCheck.Refuse(CommentTextCheck.NameField, "The display name is empty: give the name other readers will see.");
        }

        if (length > MaxNameLength)
        {
            return CommentTextCheck.Refuse(CommentTextCheck.NameField, $"A display name may be at most {MaxNameLength} characters long; this one has {length}.");
        }

        if (!text.EnumerateRunes().Any(r => Rune.IsLetterOrDigit(r)))
        {
            return CommentTextCheck.Refuse(CommentTextCheck.NameField, "A display name needs at least one letter or digit.");
        }

        if (CommentLinks.Count(text) > 0)
        {
            // A name is shown next to every comment its owner posts: an address there is advertising.
            return CommentTextCheck.Refuse(CommentTextCheck.NameField, "A display name may not contain a web address.");
        }

        var skeleton = Skeleton(text);
        if (skeleton.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(IsStaffWord) is { } word)
        {
            return CommentTextCheck.Refuse(
                CommentTextCheck.NameField, $"A guest's display name may not contain \"{word}\": only signed-in staff are shown as newsroom staff.");
        }

        if (staffNames is not null && staffNames.Any(staff => Skeleton(staff).Replace(" ", "", StringComparison.Ordinal) == skeleton.Replace(" ", "", StringComparison.Ordinal)))
        {
            return CommentTextCheck.Refuse(CommentTextCheck.NameField, "That display name belongs to a member of the newsroom's staff; choose another.");
        }

        return CommentTextCheck.Accept(CommentTextCheck.NameField, text);
    }

    /// <summary>
    /// A guest's email (never shown: it is how a moderator bans a guest and how replies could reach them), trimmed
    /// and lower-cased so one address is one guest, or why it is refused. Only its shape is checked,
    /// <c>local@domain.tld</c>: whether mail arrives is not something a form can know.
    /// </summary>
    public static CommentTextCheck CheckGuestEmail(string? email)
    {
        var text = (email ?? "").Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return CommentTextCheck.Refuse(CommentTextCheck.EmailField, "The email address is empty: give one (it is never shown).");
        }

        if (text.Length > MaxEmailLength)
        {
            return CommentTextCheck.Refuse(CommentTextCheck.EmailField, $"An email address may be at most {MaxEmailLength} characters long; this one has {text.Length}.");
        }

        return IsEmailShape(text)
            ? CommentTextCheck.Accept(CommentTextCheck.EmailField, text)
            : CommentTextCheck.Refuse(CommentTextCheck.EmailField, "That does not look like an email address, such as name@example.org.");
    }

    private static bool IsEmailShape(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at is < 1 or > 64 || at != text.LastIndexOf('@'))
        {
            return false;
        }

        var local = text[..at];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal) ||
            local.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "<>()[]\\,;:\"".Contains(c, StringComparison.Ordinal)))
        {
            return false;
        }

        var labels = text[(at + 1)..].Split('.');
        return labels.Length >= 2 &&
            labels.All(l => l.Length is > 0 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-')) &&
            labels[^1].Length >= 2 && labels[^1].All(char.IsLetter);
    }

    private static bool IsStaffWord(string token) =>
        _staffWords.Contains(token) || (token.EndsWith('s') && _staffWords.Contains(token[..^1]));

    /// <summary>
    /// The name as letters only, the way a reader's eye takes it in: compatibility forms folded ("ＥＤＩＴＯＲ", "𝐒𝐭𝐚𝐟𝐟"),
    /// accents dropped, digits and Cyrillic or Greek look-alikes read as the Latin letters they imitate, and
    /// everything else a word break.
    /// </summary>
    private static string Skeleton(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var rune in Clean(name).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var latin = LookAlike(char.ToLowerInvariant(Fold(rune)));
            result.Append(char.IsLetter(latin) ? latin : ' ');
        }

        return result.ToString();
    }

    // Compatibility folding by hand: with invariant globalization string.Normalize does not fold non-ASCII text.
    private const string Latin1 = "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTsaaaaaaaceeeeiiiidnooooo ouuuuyty";
    private const string LatinExtendedA =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

    /// <summary>
    /// One character from a letter that only looks different: fullwidth forms, mathematical bold, italic, script
    /// and the like, and the accented Latin letters; anything else as it is (or a space beyond the basic plane).
    /// </summary>
    private static char Fold(Rune rune) => rune.Value switch
    {
        >= 0xFF01 and <= 0xFF5E => (char)(rune.Value - 0xFEE0),
        >= 0x1D400 and <= 0x1D6A3 => (rune.Value - 0x1D400) % 52 is var i && i < 26 ? (char)('a' + i) : (char)('a' + i - 26),
        >= 0x1D7CE and <= 0x1D7FF => (char)('0' + ((rune.Value - 0x1D7CE) % 10)),
        >= 0xC0 and <= 0xFF => Latin1[rune.Value - 0xC0],
        >= 0x100 and <= 0x17F => LatinExtendedA[rune.Value - 0x100],
        _ => rune.IsBmp ? (char)rune.Value : ' ',
    };

    private static char LookAlike(char c) => c switch
    {
        '0' or 'о' or 'ο' => 'o',
        '1' or '!' or '|' or 'і' or 'ι' => 'i',
        '3' or 'е' or 'ε' => 'e',
        '4' or '@' or 'а' or 'α' => 'a',
        '5' or '$' or 'ѕ' => 's',
        '7' or 'т' or 'τ' => 't',
        'р' or 'ρ' => 'p',
        'с' => 'c',
        'х' or 'χ' => 'x',
        'у' => 'y',
        'ј' => 'j',
        'ԁ' => 'd',
        'ƒ' => 'f',
        'м' => 'm',
        'н' => 'h',
        'η' => 'n',
        'к' or 'κ' => 'k',
        'ν' => 'v',
        _ => c,
    };
}
