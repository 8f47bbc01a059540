namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>What the person's mailbox asks the inbox before it sends an email.</summary>
public partial interface IInboxGrain
{
    /// <summary>
    /// Which of <paramref name="ids"/> are kept and still unread (up to <see cref="Core.Notifications.NotificationLimits.KeptPerInbox"/>
    /// at once): a notification read in any tab is left out of the email.
    /// </summary>
    [Alias("still-unread")]
    Task<IReadOnlyList<string>> StillUnread(IReadOnlyList<string> ids);

    /// <summary>
    /// The kept, unread notifications whose delivery reached an inbox version above <paramref name="afterVersion"/>,
    /// each with that version: what a mailbox woken after a restart may still owe an email for.
    /// </summary>
    [Alias("unread-since")]
    Task<IReadOnlyList<DeliveredEntry>> UnreadSince(long afterVersion);
}

/// <summary>An inbox entry and the inbox version its delivery reached (the order the mailbox was told in).</summary>
[GenerateSerializer, Immutable, Alias("newsroom.delivered-entry")]
public sealed record DeliveredEntry(
    [property: Id(0)] InboxEntry Entry,
    [property: Id(1)] long Version);
