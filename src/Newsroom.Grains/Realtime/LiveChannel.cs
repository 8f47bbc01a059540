using Microsoft.Extensions.Logging;
using Newsroom.Core.Realtime;
using Orleans.Utilities;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// What every channel owner does, in one piece: keeps the relays subscribed to the channel (expiring those that
/// stop renewing), numbers each event with the channel's next version, sends it to every relay without waiting,
/// and keeps the latest <see cref="KeptEvents"/> so a listener that missed a few catches up without a snapshot.
/// Not thread-safe: the owning grain's turns own it.
/// </summary>
public sealed class LiveChannel(ChannelName name, TimeSpan subscriptionExpiry, ILogger logger)
{
    /// <summary>A few seconds of a busy channel: enough for a reconnect, small enough to keep in every owner.</summary>
    public const int KeptEvents = 256;

    private readonly ObserverManager<IChannelRelay> _relays = new(subscriptionExpiry, logger);
    private readonly Queue<ChannelEnvelope> _recent = new();
    private readonly string _name = name.ToString();
    private long _version;

    public ChannelName Name { get; } = name;

    /// <summary>The version of the latest event published (0 before any).</summary>
    public long Version => _version;

    public int SubscriberCount => _relays.Count;

    /// <summary>
    /// Continues the version sequence from a stored version, for owners that keep it with their state; call before
    /// the first publish.
    /// </summary>
    public void ContinueFrom(long version)
    {
        if (_recent.Count > 0 || version < _version)
        {
            throw new InvalidOperationException($"{_name} has published up to version {_version} already.");
        }

        _version = version;
    }

    public Task Subscribe(IChannelRelay relay)
    {
        _relays.Subscribe(relay, relay);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IChannelRelay relay)
    {
        _relays.Unsubscribe(relay);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Sends to every relay without waiting: Deliver is one-way, so this costs the grain's turn only the
    /// enqueueing, however many silos listen and however slow one of them is.
    /// </summary>
    public ChannelEnvelope Publish(NewsroomEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var envelope = new ChannelEnvelope(_name, ++_version, @event, DateTime.UtcNow);
        _recent.Enqueue(envelope);
        if (_recent.Count > KeptEvents)
        {
            _recent.Dequeue();
        }

        _relays.Notify(relay => relay.Deliver(envelope));
        return envelope;
    }

    public Task<ChannelCatchUp> CatchUp(long afterVersion)
    {
        var oldestKept = _recent.TryPeek(out var oldest) ? oldest.Version : _version + 1;
        // A version ahead of this activation's comes from an earlier one, whose numbering this one does not share.
        if (afterVersion > _version || afterVersion + 1 < oldestKept)
        {
            return Task.FromResult(new ChannelCatchUp(_version, null));
        }

        return Task.FromResult(new ChannelCatchUp(_version, [.. _recent.Where(e => e.Version > afterVersion)]));
    }

    public void Clear() => _relays.Clear();
}
