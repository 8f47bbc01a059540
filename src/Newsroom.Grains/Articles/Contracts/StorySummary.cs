namespace Newsroom.Grains.Articles;

/// <summary>A published story as listing pages show it: front page, sections, related stories, feed, sitemap.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.story-summary")]
public sealed record StorySummary(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Headline,
    [property: Id(2)] string Standfirst,
    [property: Id(3)] string Section,
    [property: Id(4)] IReadOnlyList<string> Tags,
    [property: Id(5)] string Byline,
    [property: Id(6)] DateTimeOffset PublishedAt,
    [property: Id(7)] DateTimeOffset UpdatedAt,
    [property: Id(8)] bool Withdrawn)
{
    /// <summary>The section as it appears in a URL: <c>/sections/{SectionSlug}</c>.</summary>
    public string SectionSlug => StorySections.Slug(Section);
}

/// <summary>One page of a listing, newest first, and the <c>stories:</c> channel version it is current at.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.story-page")]
public sealed record StoryPage(
    [property: Id(0)] IReadOnlyList<StorySummary> Stories,
    [property: Id(1)] int Total,
    [property: Id(2)] int Page,
    [property: Id(3)] int PageSize,
    [property: Id(4)] long ChannelVersion);

/// <summary>A story was published, updated or withdrawn: listing pages that are open show it at once.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.story-changed")]
public sealed record StoryChanged([property: Id(0)] StorySummary Story) : Realtime.NewsroomEvent;

/// <summary>Section names as URLs spell them.</summary>
public static class StorySections
{
    /// <summary>"World News" → "world-news": lowercase letters and digits in words joined by hyphens.</summary>
    public static string Slug(string section)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in (section ?? "").ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join('-', words);
    }
}
