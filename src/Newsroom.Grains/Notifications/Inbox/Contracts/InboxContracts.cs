using Newsroom.Core.Notifications;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// One notification in an inbox: <see cref="Id"/> is its place in the inbox (newest first by id), what
/// <c>MarkRead</c> and a page's cursor take.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.inbox-entry")]
public sealed record InboxEntry(
    [property: Id(0)] string Id,
    [property: Id(1)] Notification Notification,
    [property: Id(2)] bool Read);

/// <summary>
/// A page of an inbox, newest first. <see cref="NextCursor"/> gives the next page (null at the end);
/// <see cref="Version"/> is the inbox channel's version this page is current at.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.inbox-page")]
public sealed record InboxPage(
    [property: Id(0)] IReadOnlyList<InboxEntry> Entries,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] int Unread,
    [property: Id(3)] long Version);

/// <summary>What a delivery added (duplicates and the owner's own actions left out), and the unread count after it.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.inbox-delivered")]
public sealed record InboxDelivered(
    [property: Id(0)] IReadOnlyList<InboxEntry> Added,
    [property: Id(1)] int Unread);

/// <summary><c>notification.new</c>: a notification arrived; every open tab shows it and the new unread count.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.notification-arrived")]
public sealed record NotificationArrived(
    [property: Id(0)] InboxEntry Entry,
    [property: Id(1)] int Unread) : NewsroomEvent;

/// <summary><c>notification.read</c>: these notifications were marked read (in some tab).</summary>
[GenerateSerializer, Immutable, Alias("newsroom.notifications-read")]
public sealed record NotificationsRead(
    [property: Id(0)] IReadOnlyList<string> Ids,
    [property: Id(1)] int Unread) : NewsroomEvent;

/// <summary><c>notification.allRead</c>: everything in the inbox was marked read.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.notifications-all-read")]
public sealed record AllNotificationsRead(
    [property: Id(0)] int Unread) : NewsroomEvent;

/// <summary>An inbox call was refused (a bad cursor, size or id, a malformed notification); the message says why.</summary>
[GenerateSerializer, Alias("newsroom.inbox-exception")]
public sealed class InboxException : RefusalException
{
    public InboxException()
    {
    }

    public InboxException(string message)
        : base(message)
    {
    }

    public InboxException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
