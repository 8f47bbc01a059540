using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Desk;

[GenerateSerializer, Immutable, Alias("newsroom.desk-bulletin-posted")]
public sealed record DeskBulletinPosted([property: Id(0)] DeskBulletin Bulletin) : NewsroomEvent;
