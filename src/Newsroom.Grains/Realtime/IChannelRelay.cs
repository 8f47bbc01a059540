using Orleans.Concurrency;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// The per-silo relay that grains publish to; it forwards to the silo's own SignalR connections.
/// One-way, so a slow or dead silo never holds up the publishing grain's turn.
/// </summary>
[Alias("newsroom.channel-relay")]
public interface IChannelRelay : IGrainObserver
{
    [OneWay, Alias("deliver")]
    Task Deliver(ChannelEnvelope envelope);
}
