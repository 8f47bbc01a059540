namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// An inbox's notifications, one stored row each, so a delivery or a mark writes O(notification), never the
/// whole inbox. Each write also records the inbox channel's version it reaches, so numbering goes on after a restart.
/// </summary>
public interface IInboxStore
{
    Task<StoredInbox> LoadAsync(string inbox, CancellationToken cancellationToken = default);

    /// <summary>Adds new entries (each row key is new: the id is derived from the notification's time and event id).</summary>
    Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, CancellationToken cancellationToken = default);

    Task MarkReadAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default);

    /// <summary>Deletes entries the inbox no longer keeps.</summary>
    Task RemoveAsync(string inbox, IReadOnlyList<string> ids, CancellationToken cancellationToken = default);
}

/// <summary>What an inbox holds in storage: its entries in any order, and its channel's version.</summary>
public sealed record StoredInbox(IReadOnlyList<InboxEntry> Entries, long Version);
