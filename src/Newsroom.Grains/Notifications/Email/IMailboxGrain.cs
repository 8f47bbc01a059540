using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;
using Orleans.Concurrency;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// How one person is told by email, keyed like their inbox (<see cref="InboxKey"/>): their choice per kind, the
/// notifications waiting for an email (stored, so a digest survives a restart), the grace period, digests and retries.
/// </summary>
[Alias("newsroom.mailbox")]
public interface IMailboxGrain : IGrainWithStringKey
{
    /// <summary>
    /// Notifications the inbox has just stored, its delivery reaching inbox version <paramref name="version"/>: each
    /// waits for the email its kind's delivery says. One-way, so the inbox is neither slowed nor failed by email; a
    /// failure is logged here and the inbox keeps the notification.
    /// </summary>
    [OneWay, Alias("enqueue-at")]
    Task Enqueue(IReadOnlyList<InboxEntry> added, long version);

    /// <summary>A guest's address (from the confirm flow); staff addresses come from their account.</summary>
    [Alias("set-address")]
    Task SetAddress(string email, string displayName);

    [Alias("preferences")]
    Task<EmailPreferences> Preferences();

    [Alias("set-delivery")]
    Task<EmailPreferences> SetDelivery(NotificationKind kind, EmailDelivery delivery);

    /// <summary>
    /// A one-click unsubscribe: sets <paramref name="kinds"/> to Never and records <paramref name="nonce"/> in the same
    /// write; a nonce already recorded changes nothing.
    /// </summary>
    [Alias("unsubscribe")]
    Task<Unsubscribed> Unsubscribe(IReadOnlyList<NotificationKind> kinds, string nonce);

    /// <summary>Whether the unsubscribe link with this nonce was already used.</summary>
    [Alias("unsubscribe-used")]
    Task<bool> UnsubscribeUsed(string nonce);

    /// <summary>
    /// Sends what is due and sets the timer for what comes due next: the partition's wake-up
    /// (<see cref="IMailboxWakeGrain"/>) calls it for each mailbox marked waiting, as after a restart.
    /// </summary>
    [Alias("wake")]
    Task Wake();

    /// <summary>How many notifications wait for an email (shown on the settings page).</summary>
    [Alias("waiting")]
    Task<int> Waiting();
}
