using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// A mailbox's rows: its settings, one row per notification waiting for an email (so a digest survives a restart),
/// the retry state after a failed send, and the unsubscribe links already used. Each write is O(rows changed).
/// </summary>
public interface IMailboxStore
{
    Task<StoredMailbox> LoadAsync(string mailbox, CancellationToken cancellationToken = default);

    Task SaveSettingsAsync(string mailbox, MailboxSettings settings, CancellationToken cancellationToken = default);

    Task AddPendingAsync(string mailbox, IReadOnlyList<PendingEmail> pending, CancellationToken cancellationToken = default);

    /// <summary>Deletes waiting rows (sent or dropped); ids already gone are fine.</summary>
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

public sealed record StoredMailbox(MailboxSettings Settings, IReadOnlyList<PendingEmail> Pending, EmailRetry? Retry);
