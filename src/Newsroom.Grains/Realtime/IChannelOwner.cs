namespace Newsroom.Grains.Realtime;

/// <summary>
/// A grain that owns a channel: it publishes the channel's events to the relays of the silos that listen to it,
/// and keeps its recent events so a listener that missed a few can catch up. Subscriptions live only in the
/// grain's memory and expire, so relays renew them periodically. Owners implement it with a
/// <see cref="LiveChannel"/>, and a feature registers its owner with <see cref="ChannelServiceCollectionExtensions.AddChannelOwner{TOwner}"/>.
/// </summary>
[Alias("newsroom.channel-owner")]
public interface IChannelOwner : IGrainWithStringKey
{
    /// <summary>Adds the relay, or renews its subscription if it is already there.</summary>
    [Alias("subscribe")]
    Task Subscribe(IChannelRelay relay);

    [Alias("unsubscribe")]
    Task Unsubscribe(IChannelRelay relay);

    /// <summary>The events after <paramref name="afterVersion"/>, or word that the listener must reload a snapshot.</summary>
    [Alias("catch-up")]
    Task<ChannelCatchUp> CatchUp(long afterVersion);
}
