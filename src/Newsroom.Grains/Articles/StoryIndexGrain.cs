using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Articles;

/// <summary>
/// The newsroom-wide list of stories (front page, sections, related stories, feed). Kept active: every silo's
/// published pages listen to its channel, and a fresh activation would have no listeners until their next renewal.
/// </summary>
[KeepAlive]
public sealed class StoryIndexGrain : Grain, IStoryIndexGrain
{
    /// <summary>A listing page holds at most this many stories.</summary>
    public const int MaxPageSize = 100;

    private readonly IStoryStore _store;
    private readonly TimeProvider _clock;
    private readonly LiveChannel _channel;
    private readonly Dictionary<string, StorySummary> _stories = new(StringComparer.Ordinal);

    // Live stories newest first; rebuilt lazily after a change, so a burst of publishes sorts once.
    private List<StorySummary>? _newestFirst;

    public StoryIndexGrain(IStoryStore store, IOptions<ChannelOptions> channelOptions, TimeProvider clock, ILogger<StoryIndexGrain> logger)
    {
        _store = store;
        _clock = clock;
        _channel = new LiveChannel(ChannelName.Stories(this.GetPrimaryKeyString()), channelOptions.Value.SubscriptionExpiry, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Nothing stores the channel's version, so each activation numbers from the time it started: later than any
        // version an earlier activation reached (a listing changes far less than once a millisecond), so an open page
        // sees a jump, not a repeat, and reloads.
        _channel.ContinueFrom(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var story in await _store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken))
        {
            _stories[story.Slug] = story;
        }
    }

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    public Task<ChannelCatchUp> CatchUp(long afterVersion) => _channel.CatchUp(afterVersion);

    public async Task Record(StorySummary story)
    {
        ArgumentNullException.ThrowIfNull(story);
        await _store.SaveAsync(this.GetPrimaryKeyString(), story);
        _stories[story.Slug] = story;
        _newestFirst = null;
        _channel.Publish(new StoryChanged(story));
    }

    public Task<StoryPage> List(string? sectionSlug, int page, int pageSize)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var matching = NewestFirst().Where(s => sectionSlug is null || s.SectionSlug == sectionSlug).ToList();
        var shown = matching.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return Task.FromResult(new StoryPage(shown, matching.Count, page, pageSize, _channel.Version));
    }

    public Task<IReadOnlyList<StorySummary>> Related(string slug, int count)
    {
        if (!_stories.TryGetValue(slug, out var story))
        {
            return Task.FromResult<IReadOnlyList<StorySummary>>([]);
        }

        var tags = story.Tags.ToHashSet(StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<StorySummary> related =
        [
            .. NewestFirst()
                .Where(s => s.Slug != slug)
                .Select(s => (Story: s, Shared: s.Tags.Count(tags.Contains) + (s.SectionSlug == story.SectionSlug && s.SectionSlug != "" ? 1 : 0)))
                .Where(s => s.Shared > 0)
                .OrderByDescending(s => s.Shared)
                .ThenByDescending(s => s.Story.PublishedAt)
                .Take(Math.Clamp(count, 0, MaxPageSize))
                .Select(s => s.Story),
        ];
        return Task.FromResult(related);
    }

    private List<StorySummary> NewestFirst() =>
        _newestFirst ??= [.. _stories.Values.Where(s => !s.Withdrawn).OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Slug, StringComparer.Ordinal)];
}
