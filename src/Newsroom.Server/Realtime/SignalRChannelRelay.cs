using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;
using Newsroom.Grains.Telemetry;

namespace Newsroom.Server.Realtime;

/// <summary>
/// This silo's relay: grains call it, and it sends to the SignalR group named after the channel on the hubs
/// whose clients may listen to that kind of channel (staff channels never go to the reader hub). It holds no
/// state but what is waiting to be sent; which channels it listens to is <see cref="ChannelListeners"/>' business.
/// The server's own listeners on this silo (<see cref="ISiloChannelListener"/>) hear their channel's events first.
/// </summary>
/// <remarks>
/// Events go out in batches: each delivery joins a queue, and one flush at a time sends everything queued by then,
/// one message per channel carrying its events in order. When the silo is idle a flush follows each event at once;
/// when it is busy the events that arrived meanwhile share a frame per connection, which is where the cost was
/// (the kernel sending one WebSocket frame per event per connection). <see cref="RelayOptions.SendWindow"/> may hold each
/// flush back a few milliseconds to gather more.
/// </remarks>
public sealed partial class SignalRChannelRelay : IChannelRelay
{
    private readonly IHubContext<StaffHub, INewsroomClient> _staff;
    private readonly IHubContext<ReaderHub, INewsroomClient> _readers;
    private readonly ChannelOwners _owners;
    private readonly ILogger<SignalRChannelRelay> _logger;
    private readonly ILookup<string, ISiloChannelListener> _siloListeners;
    private readonly ConcurrentQueue<ChannelEnvelope> _waiting = new();
    private readonly TimeSpan _window;
    private int _flushing;

    public SignalRChannelRelay(
        IHubContext<StaffHub, INewsroomClient> staff,
        IHubContext<ReaderHub, INewsroomClient> readers,
        ChannelOwners owners,
        IEnumerable<ISiloChannelListener> siloListeners,
        IOptions<RelayOptions> options,
        ILogger<SignalRChannelRelay> logger)
    {
        _window = options.Value.SendWindow;
        _staff = staff;
        _readers = readers;
        _owners = owners;
        _logger = logger;
        _siloListeners = siloListeners.ToLookup(l => l.Channel.ToString(), StringComparer.Ordinal);
    }

    public Task Deliver(ChannelEnvelope envelope)
    {
        foreach (var listener in _siloListeners[envelope.Channel])
        {
            listener.Hear(envelope);
        }

        _waiting.Enqueue(envelope);
        // Not sent here: a group send can stall behind one slow connection, and this call holds the observer's
        // queue for every channel of this silo.
        if (Interlocked.Exchange(ref _flushing, 1) == 0)
        {
            if (_window > TimeSpan.Zero)
            {
                _ = Task.Delay(_window).ContinueWith(static (_, relay) => ((SignalRChannelRelay)relay!).Flush(), this, TaskScheduler.Default);
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(static relay => relay.Flush(), this, preferLocal: false);
            }
        }

        return Task.CompletedTask;
    }

    // One flush at a time, so each channel's batches leave in the order its events arrived.
    private void Flush()
    {
        while (true)
        {
            var byChannel = new Dictionary<string, List<ChannelEnvelope>>(StringComparer.Ordinal);
            while (_waiting.TryDequeue(out var envelope))
            {
                if (!byChannel.TryGetValue(envelope.Channel, out var batch))
                {
                    byChannel[envelope.Channel] = batch = [];
                }

                batch.Add(envelope);
            }

            foreach (var (channel, batch) in byChannel)
            {
                try
                {
                    Send(channel, batch);
                }
                catch (Exception e)
                {
                    // Logged and dropped, as a failed send is: listeners catch up by version. The flush goes on.
                    LogSendFailed(e, channel, batch[0].Version, batch[^1].Version);
                }
            }

            // A full fence, not a volatile write: the read of the queue below must not move before it. Otherwise a
            // delivery enqueued meanwhile could both find the flag still set (and leave the flush to us) and be missed
            // by that read, and wait in the queue until the next delivery, which on a quiet channel may never come.
            Interlocked.Exchange(ref _flushing, 0);
            if (_waiting.IsEmpty || Interlocked.Exchange(ref _flushing, 1) != 0)
            {
                return;
            }
        }
    }

    private void Send(string channel, List<ChannelEnvelope> batch)
    {
        // Envelopes made before PublishedAt existed (a silo of the previous version during a rolling upgrade) carry none.
        if (NewsroomMetrics.FanOutDelay.Enabled && batch[0].PublishedAt != default)
        {
            var now = DateTime.UtcNow;
            foreach (var envelope in batch)
            {
                NewsroomMetrics.FanOutDelay.Record((now - envelope.PublishedAt).TotalMilliseconds);
            }
        }

        var audience = ChannelName.TryParse(channel, out var name, out _) ? _owners.AudienceOf(name.Kind) : null;
        if (audience?.HasFlag(ChannelAudience.Staff) == true)
        {
            Observe(_staff.Clients.Group(channel).Events(batch), channel, batch);
        }

        if (audience?.HasFlag(ChannelAudience.Readers) == true)
        {
            Observe(_readers.Clients.Group(channel).Events(batch), channel, batch);
        }
    }

    private void Observe(Task send, string channel, List<ChannelEnvelope> batch)
    {
        if (!send.IsCompletedSuccessfully)
        {
            LogWhenFailed(send, channel, batch);
        }
    }

    // A method of its own so that the lambda's closure is allocated only for a send still pending: in Observe it would
    // be allocated on every call, and nearly every send has finished at once.
    private void LogWhenFailed(Task send, string channel, List<ChannelEnvelope> batch) =>
        send.ContinueWith(
            t => LogSendFailed(t.Exception!, channel, batch[0].Version, batch[^1].Version),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Channel} v{First}–v{Last} to its group failed")]
    private partial void LogSendFailed(Exception exception, string channel, long first, long last);
}
