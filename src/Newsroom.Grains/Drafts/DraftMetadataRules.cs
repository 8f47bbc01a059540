using System.Text.RegularExpressions;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Applies a metadata change, property by property (last writer wins), within the limits of
/// <see cref="DraftLimits"/>. Text is trimmed; an empty section, byline or slug clears it.
/// </summary>
public static partial class DraftMetadataRules
{
    /// <exception cref="DraftException">A property breaks its limit; the message names it and the limit.</exception>
    public static DraftMetadata Apply(DraftMetadata current, DraftMetadataChange change)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(change);
        var section = change.Section is null ? current.Section : Text(change.Section, "section", DraftLimits.MaxSectionLength);
        var byline = change.Byline is null ? current.Byline : Text(change.Byline, "byline", DraftLimits.MaxBylineLength);
        var slug = change.Slug is null ? current.Slug : Slug(change.Slug);
        var tags = change.Tags is null ? current.Tags : Tags(change.Tags);
        return new DraftMetadata(section, tags, byline, slug);
    }

    private static string Text(string value, string what, int max)
    {
        value = value.Trim();
        if (value.Length > max)
        {
            throw new DraftException($"The {what} may be at most {max} characters long; got {value.Length}.");
        }

        if (value.Any(char.IsControl))
        {
            throw new DraftException($"The {what} may not contain control characters such as line breaks.");
        }

        return value;
    }

    private static string Slug(string value)
    {
        value = value.Trim();
        if (value.Length > DraftLimits.MaxSlugLength)
        {
            throw new DraftException($"The slug may be at most {DraftLimits.MaxSlugLength} characters long; got {value.Length}.");
        }

        if (value.Length > 0 && !SlugPattern().IsMatch(value))
        {
            throw new DraftException(
                $"The slug '{value}' must be lowercase letters and digits in words joined by single hyphens, such as 'budget-2026-reaction'.");
        }

        return value;
    }

    private static string[] Tags(IReadOnlyList<string> tags)
    {
        if (tags.Count > DraftLimits.MaxTags)
        {
            throw new DraftException($"A draft may have at most {DraftLimits.MaxTags} tags; got {tags.Count}.");
        }

        var result = new List<string>(tags.Count);
        foreach (var tag in tags)
        {
            var text = Text(tag ?? "", "tag", DraftLimits.MaxTagLength);
            if (text.Length == 0)
            {
                throw new DraftException("A tag may not be empty.");
            }

            if (!result.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(text);
            }
        }

        return [.. result];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
