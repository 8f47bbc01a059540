namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// An inbox's notifications, one stored row each, so a delivery or a mark writes O(notification), never the
/// whole inbox. Each write also records the inbox channel's version it reaches, so numbering goes on after a restart:
/// a delivery in its new rows, a mark or a removal in the inbox's own record, which the first delivery creates.
/// </summary>
public interface IInboxStore
{
    Task<StoredInbox> LoadAsync(string inbox, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds new entries (each row key is new: the id is derived from the notification's time and event id).
    /// <paramref name="first"/>: the inbox has no record yet (<see cref="StoredInbox.Kept"/> was false), so this
    /// write creates it.
    /// </summary>
    Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, bool first, CancellationToken cancellationToken = default);

    Task MarkReadAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default);

    /// <summary>Deletes entries the inbox no longer keeps; <paramref name="version"/> is the channel's version now, kept when the rows that held it go.</summary>
    Task RemoveAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default);
}

/// <summary>
/// What an inbox holds in storage: its entries in any order, its channel's version, whether it has its record
/// (false: nothing was ever delivered to it), and the version each entry's delivery reached (missing: not recorded).
/// </summary>
public sealed record StoredInbox(IReadOnlyList<InboxEntry> Entries, long Version, bool Kept, IReadOnlyDictionary<string, long> DeliveredAt);
