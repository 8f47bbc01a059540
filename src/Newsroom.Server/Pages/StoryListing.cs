using System.Globalization;
using Newsroom.Grains.Articles;

namespace Newsroom.Server.Pages;

/// <summary>One page of published stories, newest first, as the front page and section pages list them.</summary>
public sealed record StoryListing(StoryPage Stories, string Path, string? SectionName)
{
    public const int PageSize = 20;

    public bool HasNewer => Stories.Page > 1;

    public bool HasOlder => Stories.Page * Stories.PageSize < Stories.Total;

    public string PagePath(int page) => page <= 1 ? Path : $"{Path}?page={page}";

    /// <summary>
    /// The listing at <paramref name="pageText"/> (absent: the first), or null when there is no such page: a number
    /// that is not a positive whole number, a page past the last, or (for a section) a section without live stories.
    /// </summary>
    public static async Task<StoryListing?> LoadAsync(IGrainFactory grains, string path, string? sectionSlug, string? pageText)
    {
        var page = 1;
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return null;
        }

        var stories = await grains.GetGrain<IStoryIndexGrain>(IStoryIndexGrain.Newsroom).List(sectionSlug, page, PageSize);
        var exists = stories.Stories.Count > 0 || (page == 1 && sectionSlug is null);
        return exists ? new StoryListing(stories, path, sectionSlug is null ? null : stories.Stories[0].Section) : null;
    }
}
