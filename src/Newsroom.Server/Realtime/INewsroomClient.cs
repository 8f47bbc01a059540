using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>
/// What the server calls on a browser. Browsers listen with <c>connection.on("Events", …)</c>: the events of one
/// channel that were ready together, in the channel's order, so a busy draft costs a connection one frame per
/// turn of the relay, not one per event.
/// </summary>
public interface INewsroomClient
{
    Task Events(IReadOnlyList<ChannelEnvelope> envelopes);
}
