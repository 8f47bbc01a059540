using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;

namespace Newsroom.Grains.Realtime;

/// <summary>Which grain owns which channel.</summary>
public static class ChannelSources
{
    /// <summary>The grain that publishes the channel's events, or null for kinds no grain serves yet.</summary>
    public static IChannelSource? Resolve(IGrainFactory grains, ChannelName channel) => channel.Kind switch
    {
        ChannelKind.Desk => grains.GetGrain<IDeskGrain>(channel.Key),
        ChannelKind.Draft => grains.GetGrain<IDraftGrain>(channel.Key),
        _ => null,
    };
}
