using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Which channels this silo's connections listen to. The first listener of a channel subscribes the relay
/// to the channel's owner grain; the last one to leave unsubscribes it; <see cref="RenewAll"/> keeps the rest alive.
/// </summary>
public sealed partial class ChannelListeners(
    IGrainFactory grains,
    ChannelOwners owners,
    SignalRChannelRelay relay,
    IOptions<RelayOptions> options,
    ILogger<ChannelListeners> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Listened> _channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _connections = new(StringComparer.Ordinal);
    private IChannelRelay? _reference;

    public IReadOnlyCollection<string> Channels
    {
        get
        {
            lock (_lock)
            {
                return [.. _channels.Keys];
            }
        }
    }

    /// <summary>Returns once this silo's relay is subscribed, so no event after that is missed.</summary>
    /// <exception cref="ArgumentException">No feature owns the channel's kind (hubs refuse such a join first).</exception>
    public Task Listen(string connectionId, ChannelName channel)
    {
        var owner = OwnerOf(channel);
        var name = channel.ToString();
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var mine))
            {
                _connections[connectionId] = mine = new HashSet<string>(StringComparer.Ordinal);
            }

            if (!_channels.TryGetValue(name, out var listened))
            {
                _channels[name] = listened = new Listened(owner, owner.Subscribe(Reference));
            }
            else if (listened.Subscribed.IsFaulted || listened.Subscribed.IsCanceled)
            {
                // The subscription failed (the owner's silo died under it, say) while others kept the channel: a new
                // listener subscribes again rather than being handed the old failure for as long as they stay.
                listened.Subscribed = owner.Subscribe(Reference);
            }

            if (mine.Add(name))
            {
                listened.Count++;
            }

            return listened.Subscribed;
        }
    }

    public void Leave(string connectionId, ChannelName channel)
    {
        lock (_lock)
        {
            if (_connections.TryGetValue(connectionId, out var mine) && mine.Remove(channel.ToString()))
            {
                Release(channel.ToString());
            }
        }
    }

    public void Forget(string connectionId)
    {
        lock (_lock)
        {
            if (_connections.Remove(connectionId, out var mine))
            {
                foreach (var name in mine)
                {
                    Release(name);
                }
            }
        }
    }

    /// <summary>
    /// Renews every subscription (or those of <paramref name="only"/> still listened to), a bounded number at a time: a
    /// silo with thousands of open articles renews them all well inside one interval, without flooding the cluster with
    /// thousands of calls at once. A grain that lost its subscribers gets this silo back.
    /// </summary>
    public async Task<RenewalRound> RenewAll(IReadOnlyCollection<string>? only = null, CancellationToken cancellationToken = default)
    {
        KeyValuePair<string, IChannelOwner>[] channels;
        lock (_lock)
        {
            channels = only is null
                ? [.. _channels.Select(c => KeyValuePair.Create(c.Key, c.Value.Owner))]
                : [.. only.Where(_channels.ContainsKey).Select(name => KeyValuePair.Create(name, _channels[name].Owner))];
        }

        var started = Stopwatch.GetTimestamp();
        var failed = new ConcurrentBag<string>();
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.RenewParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(channels, parallel, async (channel, _) =>
        {
            try
            {
                await channel.Value.Subscribe(Reference);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed.Add(channel.Key);
                LogRenewFailed(e, channel.Key);
            }
        });

        var round = new RenewalRound(channels.Length, [.. failed], Stopwatch.GetElapsedTime(started));
        LogRenewed(round.Channels, round.Failed, round.Elapsed.TotalMilliseconds);
        if (round.Elapsed > options.Value.RenewInterval / 2)
        {
            LogRenewalSlow(round.Channels, round.Elapsed.TotalMilliseconds, options.Value.RenewInterval.TotalMilliseconds);
        }

        return round;
    }

    private IChannelOwner OwnerOf(ChannelName channel) =>
        owners.Resolve(grains, channel)
        ?? throw new ArgumentException($"No feature owns {ChannelName.KindText(channel.Kind)} channels.", nameof(channel));

    private void Release(string name)
    {
        if (_channels.TryGetValue(name, out var listened) && --listened.Count == 0)
        {
            _channels.Remove(name);
            _ = listened.Owner.Unsubscribe(Reference).ContinueWith(
                t => LogRenewFailed(t.Exception!, name), TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    // Created on first use, once the silo runs; kept here because Orleans holds the object only weakly.
    private IChannelRelay Reference => _reference ??= grains.CreateObjectReference<IChannelRelay>(relay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing this silo to {Channel} failed; retried in a moment")]
    private partial void LogRenewFailed(Exception exception, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Renewed {Channels} channel subscriptions ({Failed} failed) in {ElapsedMs:0.0} ms")]
    private partial void LogRenewed(int channels, int failed, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing {Channels} channel subscriptions took {ElapsedMs:0} ms, more than half the {IntervalMs:0} ms interval; raise Newsroom:Relay:RenewParallelism or add silos")]
    private partial void LogRenewalSlow(int channels, double elapsedMs, double intervalMs);

    private sealed class Listened(IChannelOwner owner, Task subscribed)
    {
        public IChannelOwner Owner { get; } = owner;

        public Task Subscribed { get; set; } = subscribed;

        public int Count { get; set; }
    }
}

/// <summary>One renewal of this silo's subscriptions: how many, which failed, how long it took.</summary>
public sealed record RenewalRound(int Channels, IReadOnlyList<string> FailedChannels, TimeSpan Elapsed)
{
    public int Failed => FailedChannels.Count;
}
