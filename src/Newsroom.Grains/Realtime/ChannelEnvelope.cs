using System.Text.Json.Serialization;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// One event on one channel. <see cref="Version"/> counts the channel's events, so a browser that sees
/// anything but its last version + 1 knows it missed something and reloads a snapshot.
/// <see cref="PublishedAt"/> is when the owning grain published it (this machine's clock), for the relays' fan-out
/// delay; browsers are not sent it.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.channel-envelope")]
public sealed record ChannelEnvelope(
    [property: Id(0)] string Channel,
    [property: Id(1)] long Version,
    [property: Id(2)] NewsroomEvent Event,
    [property: Id(3), JsonIgnore] DateTime PublishedAt = default);
