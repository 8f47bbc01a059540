using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>How a Core <see cref="Notification"/> crosses between silos: its parts, validated again on arrival.</summary>
[GenerateSerializer, Alias("newsroom.notification")]
public struct NotificationSurrogate
{
    [Id(0)] public string EventId;
    [Id(1)] public NotificationKind Kind;
    [Id(2)] public string Title;
    [Id(3)] public string Excerpt;
    [Id(4)] public string Link;
    [Id(5)] public string ActorId;
    [Id(6)] public string ActorName;
    [Id(7)] public DateTimeOffset At;
}

[RegisterConverter]
public sealed class NotificationSurrogateConverter : IConverter<Notification, NotificationSurrogate>
{
    public Notification ConvertFromSurrogate(in NotificationSurrogate surrogate) =>
        new(surrogate.EventId, surrogate.Kind, surrogate.Title, surrogate.Excerpt, surrogate.Link,
            new NotificationActor(surrogate.ActorId, surrogate.ActorName), surrogate.At);

    public NotificationSurrogate ConvertToSurrogate(in Notification value) => new()
    {
        EventId = value.EventId,
        Kind = value.Kind,
        Title = value.Title,
        Excerpt = value.Excerpt,
        Link = value.Link,
        ActorId = value.Actor.Id,
        ActorName = value.Actor.DisplayName,
        At = value.At,
    };
}
