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
}
