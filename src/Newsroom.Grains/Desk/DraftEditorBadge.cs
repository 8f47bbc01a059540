namespace Newsroom.Grains.Desk;

/// <summary>
/// How an editor is shown beside a draft, on the desk and in the editor: name, initials and a colour that stays
/// the same for a user. It lives with the desk, which lists drafts with their editors; drafts report to the desk.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-editor-badge")]
public sealed record DraftEditorBadge(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Initials,
    [property: Id(3)] string Colour)
{
    // Distinguishable on white and dark backgrounds, and with white initials on them (WCAG AA for large text).
    private static readonly string[] _palette =
    [
        "#c0392b", "#8e44ad", "#2c6fbb", "#16796f", "#2e7d32", "#9a6b00",
        "#d35400", "#ad1457", "#4527a0", "#00695c", "#5d4037", "#37474f",
    ];

    /// <summary>
    /// A person's badge in a draft where <paramref name="coloursInUse"/> are taken by the others present: their
    /// own colour when it is free (so a person usually looks the same everywhere), else the next free one in
    /// the palette, so two people in one draft are told apart while there are colours to go round.
    /// </summary>
    public static DraftEditorBadge For(string userName, string displayName, IReadOnlyCollection<string>? coloursInUse = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(displayName);
        var preferred = PaletteIndexOf(userName);
        var colour = _palette[preferred];
        for (var step = 0; coloursInUse is { Count: > 0 } && step < _palette.Length; step++)
        {
            var candidate = _palette[(preferred + step) % _palette.Length];
            if (!coloursInUse.Contains(candidate, StringComparer.OrdinalIgnoreCase))
            {
                colour = candidate;
                break;
            }
        }

        return new DraftEditorBadge(userName, displayName, InitialsOf(displayName), colour);
    }

    private static string InitialsOf(string displayName)
    {
        var words = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length switch
        {
            0 => "?",
            1 => FirstLetter(words[0]),
            _ => FirstLetter(words[0]) + FirstLetter(words[^1]),
        };
    }

    // A whole text element, so a name starting with an emoji or a surrogate pair is not cut in half.
    private static string FirstLetter(string word) =>
        System.Globalization.StringInfo.GetNextTextElement(word).ToUpperInvariant();

    // FNV-1a over the user name: stable across processes and runs, unlike string.GetHashCode.
    private static int PaletteIndexOf(string userName)
    {
        var hash = 2166136261u;
        foreach (var c in userName.ToLowerInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_palette.Length);
    }
}
