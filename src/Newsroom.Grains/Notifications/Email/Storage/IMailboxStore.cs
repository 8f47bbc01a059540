using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// A mailbox's rows: its settings with the waiting mark and, per delivery, the inbox version up to which email is
/// settled (what waits is the inbox's unread notifications above it, so a digest survives a restart without a row per
/// notification), the retry state after a failed send, and the unsubscribe links already used. Waiting rows of
/// earlier builds (one per notification) are still read and removed once settled.
/// </summary>
public interface IMailboxStore
{
    Task<StoredMailbox> LoadAsync(string mailbox, CancellationToken cancellationToken = default);

    Task SaveSettingsAsync(string mailbox, MailboxSettings settings, CancellationToken cancellationToken = default);

    /// <summary>Marks the mailbox as having notifications waiting for email (<see cref="StoredMailbox.Waiting"/>).</summary>
    Task MarkWaitingAsync(string mailbox, CancellationToken cancellationToken = default);

    /// <summary>Marks the mailbox as having nothing waiting (after the last was settled).</summary>
    Task ClearWaitingAsync(string mailbox, CancellationToken cancellationToken = default);

    /// <summary>The mailboxes of one <see cref="PersonRows"/> partition marked waiting, for the partition's wake-up (<see cref="IMailboxWakeGrain"/>).</summary>
    Task<IReadOnlyList<string>> WaitingInAsync(string partition, CancellationToken cancellationToken = default);

    /// <summary>Records, per delivery, the inbox version up to which every notification's email is settled (sent or dropped).</summary>
    Task SettleAsync(string mailbox, IReadOnlyDictionary<EmailDelivery, long> settled, CancellationToken cancellationToken = default);

    /// <summary>Deletes waiting rows of earlier builds (sent or dropped); ids already gone are fine.</summary>
    Task RemovePendingAsync(string mailbox, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default);

    /// <summary>Stores the retry state, or clears it with null.</summary>
    Task SaveRetryAsync(string mailbox, EmailRetry? retry, CancellationToken cancellationToken = default);

    /// <summary>Saves the settings and records the nonce in one transaction; false (and nothing saved) if it was recorded before.</summary>
    Task<bool> UnsubscribeAsync(string mailbox, MailboxSettings settings, string nonce, CancellationToken cancellationToken = default);

    Task<bool> UnsubscribeUsedAsync(string mailbox, string nonce, CancellationToken cancellationToken = default);
}

/// <summary>A mailbox's settings: the delivery chosen per kind (missing: Immediately) and a guest's address.</summary>
public sealed record MailboxSettings(IReadOnlyDictionary<NotificationKind, EmailDelivery> Delivery, EmailRecipient? Guest)
{
    public static MailboxSettings Default { get; } = new(new Dictionary<NotificationKind, EmailDelivery>(), null);

    public EmailDelivery For(NotificationKind kind) => Delivery.GetValueOrDefault(kind, EmailDelivery.Immediately);

    public MailboxSettings With(IEnumerable<NotificationKind> kinds, EmailDelivery delivery)
    {
        var changed = new Dictionary<NotificationKind, EmailDelivery>(Delivery);
        foreach (var kind in kinds)
        {
            changed[kind] = delivery;
        }

        return this with { Delivery = changed };
    }
}

/// <summary>A notification waiting for an email: its inbox entry, the delivery it waits for and when it arrived.</summary>
public sealed record PendingEmail(InboxEntry Entry, EmailDelivery Delivery, DateTimeOffset Queued);

/// <summary>After <see cref="Failures"/> failed sends in a row, the next try is at <see cref="At"/>.</summary>
public sealed record EmailRetry(int Failures, DateTimeOffset At);

/// <summary>
/// A mailbox as stored. <see cref="Waiting"/>: notifications may wait for email (the partition's wake-up looks for the mark); when not, only
/// its settings were read, which is all a mailbox woken by a fan-out for the first time needs. <see cref="Settled"/>:
/// per delivery, the inbox version up to which email is settled (missing: 0). <see cref="Pending"/>: waiting rows of
/// earlier builds.
/// </summary>
public sealed record StoredMailbox(
    MailboxSettings Settings, IReadOnlyList<PendingEmail> Pending, EmailRetry? Retry, bool Waiting, IReadOnlyDictionary<EmailDelivery, long> Settled);
