using Azure.Data.Tables;
using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications;

/// <summary>
/// A notification's parts as table columns, one way for every row that holds one (an inbox's entries, a mailbox's
/// waiting emails), so the two can never drift apart.
/// </summary>
internal static class NotificationRow
{
    /// <summary>Sets the notification's columns on <paramref name="row"/> and returns it.</summary>
    public static TableEntity WithNotification(this TableEntity row, Notification notification)
    {
        row["EventId"] = notification.EventId;
        row["Kind"] = notification.Kind.ToString();
        row["Title"] = notification.Title;
        row["Excerpt"] = notification.Excerpt;
        row["Link"] = notification.Link;
        row["ActorId"] = notification.Actor.Id;
        row["ActorName"] = notification.Actor.DisplayName;
        row["At"] = notification.At;
        return row;
    }

    public static Notification Read(TableEntity row) => new(
        row.GetString("EventId") ?? "",
        Enum.Parse<NotificationKind>(row.GetString("Kind") ?? ""),
        row.GetString("Title") ?? "",
        row.GetString("Excerpt") ?? "",
        row.GetString("Link") ?? "",
        new NotificationActor(row.GetString("ActorId") ?? "", row.GetString("ActorName") ?? ""),
        row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
}
