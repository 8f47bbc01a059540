using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Which channels this silo's connections listen to. The first listener of a channel subscribes the relay
/// to the channel's grain; the last one to leave unsubscribes it; <see cref="RenewAll"/> keeps the rest alive.
/// </summary>
public sealed partial class ChannelListeners(
    IGrainFactory grains,
    SignalRChannelRelay relay,
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
    public Task Listen(string connectionId, ChannelName channel)
    {
        var name = channel.ToString();
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var mine))
            {
                _connections[connectionId] = mine = new HashSet<string>(StringComparer.Ordinal);
            }

            if (!_channels.TryGetValue(name, out var listened))
            {
                _channels[name] = listened = new Listened(channel, Subscribe(channel));
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

    /// <summary>Renews every subscription; a grain that lost its subscribers gets this silo back.</summary>
    public async Task RenewAll()
    {
        List<ChannelName> channels;
        lock (_lock)
        {
            channels = [.. _channels.Values.Select(l => l.Channel)];
        }

        foreach (var channel in channels)
        {
            try
            {
                await Subscribe(channel);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRenewFailed(e, channel.ToString());
            }
        }
    }

    private void Release(string name)
    {
        if (_channels.TryGetValue(name, out var listened) && --listened.Count == 0)
        {
            _channels.Remove(name);
            if (ChannelSources.Resolve(grains, listened.Channel) is { } source)
            {
                _ = source.Unsubscribe(Reference).ContinueWith(
                    t => LogRenewFailed(t.Exception!, name), TaskContinuationOptions.OnlyOnFaulted);
            }
        }
    }

    private Task Subscribe(ChannelName channel) =>
        ChannelSources.Resolve(grains, channel)?.Subscribe(Reference) ?? Task.CompletedTask;

    // Created on first use, once the silo runs; kept here because Orleans holds the object only weakly.
    private IChannelRelay Reference => _reference ??= grains.CreateObjectReference<IChannelRelay>(relay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribing this silo to {Channel} failed; next renewal retries")]
    private partial void LogRenewFailed(Exception exception, string channel);

    private sealed class Listened(ChannelName channel, Task subscribed)
    {
        public ChannelName Channel { get; } = channel;

        public Task Subscribed { get; } = subscribed;

        public int Count { get; set; }
    }
}
