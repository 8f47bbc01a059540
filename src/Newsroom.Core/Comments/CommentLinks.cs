namespace Newsroom.Core.Comments;

/// <summary>
/// Finds the web addresses in comment text. Only what starts <c>http://</c>, <c>https://</c> or <c>www.</c>
/// becomes a link, so no other scheme (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>) ever reaches an
/// href: the href is built from one of those two prefixes, never taken from what the writer typed before it.
/// </summary>
/// <remarks>
/// As GitHub's autolinks do, punctuation that ends a sentence (<c>. , : ; ! ? ' " * _ ~</c>) is left out of the
/// address, and a closing bracket too unless the address opened it (Wikipedia's <c>Foo_(bar)</c>). Addresses
/// with a user name before the host (<c>https://bank.example@evil.example</c>, which goes to evil.example)
/// stay text, since the link would lie about where it leads.
/// </remarks>
public static class CommentLinks
{
    private const string TrailingPunctuation = ".,:;!?'\"*_~";

    public static IReadOnlyList<CommentLink> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var links = new List<CommentLink>();
        for (var i = 0; i < text.Length; i++)
        {
            if (At(text, i) is not { } prefix || (i > 0 && !CanPrecede(text[i - 1])))
            {
                continue;
            }

            var end = i;
            while (end < text.Length && IsAddressChar(text[end]))
            {
                end++;
            }

            end = TrimEnd(text, i, end);
            if (Href(text.Substring(i, end - i), prefix) is { } href)
            {
                links.Add(new CommentLink(i, end - i, href));
                i = end - 1;
            }
        }

        return links;
    }

    /// <summary>How many links the comment would show: the figure a "more than N links" rule holds comments on.</summary>
    public static int Count(string text) => Find(text).Count;

    private static string? At(string text, int i) =>
        Starts(text, i, "https://") ? "https://" : Starts(text, i, "http://") ? "http://" : Starts(text, i, "www.") ? "www." : null;

    private static bool Starts(string text, int i, string prefix) =>
        string.Compare(text, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>An address starts a word: "xhttp://" or "a.www.b" are not addresses, "(https://" and "«www." are.</summary>
    private static bool CanPrecede(char c) => !char.IsLetterOrDigit(c) && c is not ('.' or '/' or '@' or '-' or '_' or ':' or '&' or '#' or '%');

    /// <summary>Angle brackets, quotes and backticks never occur in an address and commonly surround one.</summary>
    private static bool IsAddressChar(char c) => !char.IsWhiteSpace(c) && !char.IsControl(c) && c is not ('<' or '>' or '"' or '`');

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start)
        {
            var last = text[end - 1];
            if (TrailingPunctuation.Contains(last, StringComparison.Ordinal) ||
                (last is ')' or ']' or '}' && Unbalanced(text.AsSpan(start, end - start), last)))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool Unbalanced(ReadOnlySpan<char> address, char close)
    {
        var open = close switch { ')' => '(', ']' => '[', _ => '{' };
        return address.Count(close) > address.Count(open);
    }

    /// <summary>The href for an address, or null when it has no proper host to lead to.</summary>
    private static string? Href(string address, string prefix)
    {
        if (address.Length <= prefix.Length)
        {
            return null; // "www." whose dot ended a sentence
        }

        var rest = address[prefix.Length..];
        var hostEnd = rest.IndexOfAny(['/', '?', '#']);
        var authority = hostEnd < 0 ? rest : rest[..hostEnd];
        var colon = authority.LastIndexOf(':');
        var host = colon < 0 ? authority : authority[..colon];
        if ((colon >= 0 && (colon == authority.Length - 1 || !authority[(colon + 1)..].All(char.IsAsciiDigit))) || !IsHost(host, www: prefix == "www."))
        {
            return null;
        }

        // The scheme is written in lower case whatever was typed; the rest is the writer's address as typed.
        return prefix == "www." ? "https://" + address : prefix + rest;
    }

    private static bool IsHost(string host, bool www)
    {
        var labels = host.Split('.');
        return labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-' && l.All(c => char.IsLetterOrDigit(c) || c == '-')) &&
            labels.Length >= (www ? 2 : 1);
    }
}
