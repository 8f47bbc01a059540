using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// The relays subscribed to one grain's channel. A grain owns one and publishes through it.
/// </summary>
public sealed class ChannelSubscribers(TimeSpan expiry, ILogger logger)
{
    private readonly ObserverManager<IChannelRelay> _relays = new(expiry, logger);

    public int Count => _relays.Count;

    public void Subscribe(IChannelRelay relay) => _relays.Subscribe(relay, relay);

    public void Unsubscribe(IChannelRelay relay) => _relays.Unsubscribe(relay);

    /// <summary>
    /// Sends to every relay without waiting: Deliver is one-way, so this costs the grain's turn
    /// only the enqueueing, however many silos listen and however slow one of them is.
    /// </summary>
    public void Publish(ChannelEnvelope envelope) => _relays.Notify(relay => relay.Deliver(envelope));

    public void Clear() => _relays.Clear();
}
