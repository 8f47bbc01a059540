using Newsroom.Core.Realtime;

namespace Newsroom.Core.Notifications;

/// <summary>
/// @mentions of staff in any text (a draft, later editorial notes): <c>@username</c> where the '@' starts the text or
/// follows a character that is not part of a name, so an email address mentions nobody. A name is letters, digits,
/// '-', '_' and '.', as user names are; a '.' or '-' that ends it is the sentence's, not the name's ("ask @rosa.").
/// </summary>
public static class Mentions
{
    /// <summary>The user names mentioned, lower case, each once, in the order they first appear.</summary>
    public static IReadOnlyList<string> Find(string? text)
    {
        var found = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }

        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && IsNameChar(text[at - 1]))
            {
                continue;
            }

            var end = at + 1;
            while (end < text.Length && IsNameChar(text[end]))
            {
                end++;
            }

            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            var name = text[(at + 1)..end].ToLowerInvariant();
            if (name.Length is > 0 and <= ChannelName.MaxKeyLength && name.Any(char.IsAsciiLetterOrDigit) && !found.Contains(name))
            {
                found.Add(name);
            }
        }

        return found;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
