using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>
/// This silo's relay: grains call it, and it sends to the SignalR group named after the channel on this
/// silo's hubs. It holds no state; which channels it listens to is <see cref="ChannelListeners"/>' business.
/// </summary>
public sealed partial class SignalRChannelRelay(
    IHubContext<StaffHub, INewsroomClient> staff,
    IHubContext<ReaderHub, INewsroomClient> readers,
    ILogger<SignalRChannelRelay> logger) : IChannelRelay
{
    public Task Deliver(ChannelEnvelope envelope)
    {
        // Not awaited: a group send can stall behind one slow connection, and this call holds the
        // observer's queue for every channel of this silo.
        Observe(staff.Clients.Group(envelope.Channel).Event(envelope), envelope);
        Observe(readers.Clients.Group(envelope.Channel).Event(envelope), envelope);
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
