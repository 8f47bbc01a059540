using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Articles;

/// <summary>
/// Every published story's summary, so listing pages never scan storage (key: <see cref="Newsroom"/>); live on
/// channel <c>stories:newsroom</c>, which readers may listen to.
/// </summary>
[Alias("newsroom.story-index")]
public interface IStoryIndexGrain : IChannelOwner
{
    const string Newsroom = "newsroom";

    /// <summary>Adds or replaces a story's summary; awaited by the article, so a listing is current once a publish returns.</summary>
    [Alias("record")]
    Task Record(StorySummary story);

    /// <summary>Live stories newest first (by first publication), optionally of one section (by its URL slug).</summary>
    [Alias("list")]
    Task<StoryPage> List(string? sectionSlug, int page, int pageSize);

    /// <summary>Live stories that share tags or the section with <paramref name="slug"/>, most shared first, then newest; never the story itself.</summary>
    [Alias("related")]
    Task<IReadOnlyList<StorySummary>> Related(string slug, int count);
}
