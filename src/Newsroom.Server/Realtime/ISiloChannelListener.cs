using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>
/// A part of the server itself that listens to a channel on every silo, beside the browsers there: the published
/// pages' cache hears <c>stories:newsroom</c>. It is subscribed like a connection (and renewed with the others), and
/// the relay hands it each event before sending to the channel's group.
/// </summary>
public interface ISiloChannelListener
{
    ChannelName Channel { get; }

    /// <summary>Runs on the relay's delivery: keep it short and never block.</summary>
    void Hear(ChannelEnvelope envelope);
}
