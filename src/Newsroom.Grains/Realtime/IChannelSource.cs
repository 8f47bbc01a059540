namespace Newsroom.Grains.Realtime;

/// <summary>
/// A grain that owns a channel and publishes its events to the relays of the silos that listen to it.
/// Subscriptions live only in the grain's memory and expire, so relays renew them periodically.
/// </summary>
[Alias("newsroom.channel-source")]
public interface IChannelSource : IGrainWithStringKey
{
    /// <summary>Adds the relay, or renews its subscription if it is already there.</summary>
    [Alias("subscribe")]
    Task Subscribe(IChannelRelay relay);

    [Alias("unsubscribe")]
    Task Unsubscribe(IChannelRelay relay);
}
