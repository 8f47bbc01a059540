using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>
/// This silo's relay: grains call it, and it sends to the SignalR group named after the channel on the hubs
/// whose clients may listen to that kind of channel (staff channels never go to the reader hub). It holds no
/// state; which channels it listens to is <see cref="ChannelListeners"/>' business. The server's own listeners on
/// this silo (<see cref="ISiloChannelListener"/>) hear their channel's events first.
/// </summary>
public sealed partial class SignalRChannelRelay(
    IHubContext<StaffHub, INewsroomClient> staff,
    IHubContext<ReaderHub, INewsroomClient> readers,
    ChannelOwners owners,
    IEnumerable<ISiloChannelListener> siloListeners,
    ILogger<SignalRChannelRelay> logger) : IChannelRelay
{
    private readonly ILookup<string, ISiloChannelListener> _siloListeners = siloListeners.ToLookup(l => l.Channel.ToString(), StringComparer.Ordinal);

    public Task Deliver(ChannelEnvelope envelope)
    {
        foreach (var listener in _siloListeners[envelope.Channel])
        {
            listener.Hear(envelope);
        }

        var audience = ChannelName.TryParse(envelope.Channel, out var channel, out _) ? owners.AudienceOf(channel.Kind) : null;
        // Not awaited: a group send can stall behind one slow connection, and this call holds the
        // observer's queue for every channel of this silo.
        if (audience?.HasFlag(ChannelAudience.Staff) == true)
        {
            Observe(staff.Clients.Group(envelope.Channel).Event(envelope), envelope);
        }

        if (audience?.HasFlag(ChannelAudience.Readers) == true)
        {
            Observe(readers.Clients.Group(envelope.Channel).Event(envelope), envelope);
        }

        return Task.CompletedTask;
    }

    private void Observe(Task send, ChannelEnvelope envelope)
    {
        if (send.IsCompletedSuccessfully)
        {
            return;
        }

        send.ContinueWith(
            t => LogSendFailed(t.Exception!, envelope.Channel, envelope.Version),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Channel} v{Version} to its group failed")]
    private partial void LogSendFailed(Exception exception, string channel, long version);
}
