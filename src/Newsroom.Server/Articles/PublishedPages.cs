using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Articles;

/// <summary>
/// The reader pages this silo keeps rendered (ASP.NET Core's output cache: article pages, the front and section
/// pages, the feed and the sitemap), and what makes them stale. Every publish, update and withdrawal reaches the story
/// index, whose <c>stories:newsroom</c> channel every silo hears; each event empties this silo's pages.
/// <para>
/// Emptied, not picked over: a publish changes the story's page, the listings and other stories' "You might also
/// like", and publishing is rare next to reading. Pages are kept under the generation they were rendered in, and an
/// event starts a new one, so a page rendered from the old text but finished after the event is stored where no
/// request looks. <see cref="PublishedPageOptions.MaxAge"/> bounds how stale a page can be should an event be lost
/// (the index grain moved to another silo after a crash, until the next renewal).
/// </para>
/// </summary>
public sealed partial class PublishedPages(IOutputCacheStore store, ILogger<PublishedPages> logger) : ISiloChannelListener
{
    /// <summary>The output cache policy and tag of pages that change only when a story does.</summary>
    public const string Policy = "published-pages";

    private long _generation;
    private volatile string _generationText = "0";

    public ChannelName Channel { get; } = ChannelName.Stories(IStoryIndexGrain.Newsroom);

    /// <summary>Part of every cached page's key: pages of an earlier generation are never served again.</summary>
    public string Generation => _generationText;

    public void Hear(ChannelEnvelope envelope)
    {
        // Formatted once per event, not on every page request.
        _generationText = Interlocked.Increment(ref _generation).ToString(CultureInfo.InvariantCulture);
        // Frees the memory; correctness does not wait for it (the generation already moved on).
        _ = EvictAsync(envelope);
    }

    private async Task EvictAsync(ChannelEnvelope envelope)
    {
        try
        {
            await store.EvictByTagAsync(Policy, CancellationToken.None);
            LogEvicted(envelope.Channel, envelope.Version);
        }
        catch (Exception e)
        {
            LogEvictFailed(e, envelope.Channel, envelope.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published pages emptied on {Channel} v{Version}")]
    private partial void LogEvicted(string channel, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emptying the published pages on {Channel} v{Version} failed; they expire by age")]
    private partial void LogEvictFailed(Exception exception, string channel, long version);
}
