using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>What the server calls on a browser. Browsers listen with <c>connection.on("Event", …)</c>.</summary>
public interface INewsroomClient
{
    Task Event(ChannelEnvelope envelope);
}
