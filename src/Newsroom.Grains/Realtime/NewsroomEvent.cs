namespace Newsroom.Grains.Realtime;

/// <summary>
/// Something that happened on a channel, pushed live to browsers. Browsers tell the kinds apart by the
/// <c>type</c> field: each feature names its events where it registers its channel owner
/// (<see cref="ChannelServiceCollectionExtensions.AddChannelOwner{TOwner}"/>).
/// </summary>
[GenerateSerializer, Alias("newsroom.event")]
public abstract record NewsroomEvent;
