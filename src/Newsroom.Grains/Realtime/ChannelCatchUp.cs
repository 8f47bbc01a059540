namespace Newsroom.Grains.Realtime;

/// <summary>
/// What a listener that last saw some version missed: the envelopes after it, in order, up to
/// <see cref="Version"/>; or, when the owner no longer holds them all (or the version is not one of this
/// activation's), null <see cref="Events"/>, and the listener reloads a snapshot.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.channel-catch-up")]
public sealed record ChannelCatchUp(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<ChannelEnvelope>? Events)
{
    public bool MustReload => Events is null;
}
