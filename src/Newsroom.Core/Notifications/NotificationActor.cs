namespace Newsroom.Core.Notifications;

/// <summary>
/// Who caused a notification: <see cref="Id"/> is their inbox key (<see cref="InboxKey"/>), so an inbox can tell its
/// owner's own actions apart and drop them; <see cref="DisplayName"/> is shown as plain text.
/// </summary>
public sealed record NotificationActor(string Id, string DisplayName);
