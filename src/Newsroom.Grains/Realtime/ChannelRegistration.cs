using Newsroom.Core.Realtime;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// What a feature declares about the channel kind it owns: who may listen, which grain owns a channel of that
/// kind, and the events it publishes with the names browsers tell them apart by (the JSON <c>type</c>).
/// </summary>
public sealed record ChannelRegistration(
    ChannelKind Kind,
    ChannelAudience Audience,
    Func<IGrainFactory, string, IChannelOwner> Owner,
    IReadOnlyList<ChannelEventType> Events);

/// <summary>An event a channel carries, and its stable name on the wire.</summary>
public sealed record ChannelEventType(Type Type, string Name);
