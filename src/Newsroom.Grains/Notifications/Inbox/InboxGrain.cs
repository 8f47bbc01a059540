using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Realtime;
using Newsroom.Grains.Telemetry;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// One person's inbox. It holds every kept notification in memory (at most
/// <see cref="NotificationLimits.KeptPerInbox"/>, loaded at the first call), writes each change as its own rows
/// (<see cref="IInboxStore"/>) and publishes it on the owner's <c>user:</c> channel once stored. A failed write
/// makes the next call read the inbox back, so memory never holds what storage does not.
/// </summary>
public sealed partial class InboxGrain : Grain, IInboxGrain
{
    /// <summary>Notifications dropped from an inbox are deleted from storage this many at a time.</summary>
    internal const int TrimStep = 50;

    private readonly IInboxStore _store;
    private readonly IInboxFollowStore _followStore;
    private readonly ILogger<InboxGrain> _logger;
    private readonly LiveChannel _channel;

    // Ordinal order of ids is newest first.
    private readonly SortedList<string, InboxEntry> _entries = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);

    // The inbox version each kept entry's delivery reached (0 for rows stored before versions were kept per row).
    private readonly Dictionary<string, long> _deliveredAt = new(StringComparer.Ordinal);
    private int _unread;
    private bool _loaded;

    // Whether storage has this inbox's record (StoredInbox.Kept): the first delivery writes it.
    private bool _kept;

    // Dropped from memory, still stored (Trim).
    private readonly List<string> _droppedNotStored = [];
    private bool _versionRestored;

    public InboxGrain(IInboxStore store, IInboxFollowStore followStore, IOptions<ChannelOptions> channelOptions, ILogger<InboxGrain> logger)
    {
        _store = store;
        _followStore = followStore;
        _logger = logger;
        if (!InboxKey.IsValid(Key))
        {
            throw new InboxException($"'{Key}' is not an inbox key (staff:{{userName}} or guest:{{emailHash}}).");
        }

        _channel = new LiveChannel(InboxKey.ChannelOf(Key), channelOptions.Value.SubscriptionExpiry, logger);
    }

    private string Key => this.GetPrimaryKeyString();

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    public async Task<ChannelCatchUp> CatchUp(long afterVersion)
    {
        await EnsureLoaded();
        return await _channel.CatchUp(afterVersion);
    }

    public async Task<InboxDelivered> Deliver(IReadOnlyList<Notification> notifications)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.Count > NotificationLimits.MaxBatch)
        {
            throw new InboxException($"Deliver at most {NotificationLimits.MaxBatch} notifications at once; got {notifications.Count}.");
        }

        if (notifications.Any(n => n is null))
        {
            throw new InboxException("A delivery holds a missing notification.");
        }

        notifications = await Wanted(notifications);
        await EnsureLoaded();
        var added = new List<InboxEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            // Nobody is told of their own action; an event already here (or twice in this batch) is one notification.
            if (notification.Actor.Id == Key || _eventIds.Contains(notification.EventId) || !seen.Add(notification.EventId))
            {
                continue;
            }

            var id = InboxEntryId.Of(notification);
            if (!_entries.ContainsKey(id))
            {
                added.Add(new InboxEntry(id, notification, Read: false));
            }
        }

        // One older than every kept notification would be dropped at once: it is not added at all.
        if (_entries.Count + added.Count > NotificationLimits.KeptPerInbox)
        {
            var last = _entries.Keys.Concat(added.Select(e => e.Id)).Order(StringComparer.Ordinal)
                .ElementAt(NotificationLimits.KeptPerInbox - 1);
            added.RemoveAll(e => string.CompareOrdinal(e.Id, last) > 0);
        }

        if (added.Count == 0)
        {
            return new InboxDelivered([], _unread);
        }

        var version = _channel.Version + added.Count;
        await Stored(() => _store.AddAsync(Key, added, version, first: !_kept));
        _kept = true;
        foreach (var entry in added)
        {
            _entries.Add(entry.Id, entry);
            _eventIds.Add(entry.Notification.EventId);
            _deliveredAt[entry.Id] = version;
        }

        _unread += added.Count;
        NewsroomMetrics.NotificationsDelivered.Add(added.Count);
        await Trim();
        foreach (var entry in added)
        {
            _channel.Publish(new NotificationArrived(entry, _unread));
        }

        TellMailbox(added, version);
        return new InboxDelivered(added, _unread);
    }

    public async Task Send(Notification notification)
    {
        try
        {
            await Deliver([notification]);
        }
        catch (Exception e)
        {
            LogSendFailed(_logger, e, Key, notification?.EventId);
        }
    }

    public async Task<InboxPage> Page(string? cursor, int size)
    {
        if (size is < 1 or > NotificationLimits.MaxPageSize)
        {
            throw new InboxException($"Ask for 1 to {NotificationLimits.MaxPageSize} notifications at a time; got {size}.");
        }

        if (!string.IsNullOrEmpty(cursor) && !InboxEntryId.IsWellFormed(cursor))
        {
            throw new InboxException("The cursor is not one an inbox page gave; start again from the newest.");
        }

        await EnsureLoaded();
        var from = 0;
        if (!string.IsNullOrEmpty(cursor))
        {
            var keys = _entries.Keys;
            while (from < keys.Count && string.CompareOrdinal(keys[from], cursor) <= 0)
            {
                from++;
            }
        }

        var page = _entries.Values.Skip(from).Take(size).ToList();
        var next = from + page.Count < _entries.Count && page.Count > 0 ? page[^1].Id : null;
        return new InboxPage(page, next, _unread, _channel.Version);
    }

    public async Task<int> Unread()
    {
        await EnsureLoaded();
        return _unread;
    }

    public async Task<int> MarkRead(string id)
    {
        if (!InboxEntryId.IsWellFormed(id))
        {
            throw new InboxException($"'{Short(id)}' is not a notification id.");
        }

        await EnsureLoaded();
        if (!_entries.TryGetValue(id, out var entry) || entry.Read)
        {
            return _unread;
        }

        await Stored(() => _store.MarkReadAsync(Key, [id], _channel.Version + 1));
        _entries[id] = entry with { Read = true };
        _unread--;
        _channel.Publish(new NotificationsRead([id], _unread));
        return _unread;
    }

    public async Task<int> MarkAllRead()
    {
        await EnsureLoaded();
        var unread = _entries.Values.Where(e => !e.Read).Select(e => e.Id).ToList();
        if (unread.Count == 0)
        {
            return 0;
        }

        await Stored(() => _store.MarkReadAsync(Key, unread, _channel.Version + 1));
        foreach (var id in unread)
        {
            _entries[id] = _entries[id] with { Read = true };
        }

        _unread = 0;
        _channel.Publish(new AllNotificationsRead(0));
        return 0;
    }

    private async Task EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        var stored = await _store.LoadAsync(Key);
        _droppedNotStored.Clear();
        _entries.Clear();
        _eventIds.Clear();
        _deliveredAt.Clear();
        foreach (var entry in stored.Entries)
        {
            _entries[entry.Id] = entry;
            _eventIds.Add(entry.Notification.EventId);
            _deliveredAt[entry.Id] = stored.DeliveredAt.GetValueOrDefault(entry.Id);
        }

        _unread = _entries.Values.Count(e => !e.Read);
        _kept = stored.Kept;
        if (!_versionRestored)
        {
            _channel.ContinueFrom(stored.Version);
            _versionRestored = true;
        }

        _loaded = true;
        await Trim();
    }

    private async Task Stored(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch
        {
            _loaded = false;
            throw;
        }
    }

    // The oldest go from memory once the inbox holds more than it keeps, and from storage TrimStep at a time (a full inbox
    // would otherwise pay a storage trim on every delivery); if deleting fails they stay stored and go next time.
    private async Task Trim()
    {
        foreach (var id in _entries.Keys.Skip(NotificationLimits.KeptPerInbox).ToList())
        {
            var entry = _entries[id];
            _entries.Remove(id);
            _eventIds.Remove(entry.Notification.EventId);
            _deliveredAt.Remove(id);
            _unread -= entry.Read ? 0 : 1;
            _droppedNotStored.Add(id);
        }

        if (_droppedNotStored.Count < TrimStep)
        {
            return;
        }

        try
        {
            await _store.RemoveAsync(Key, _droppedNotStored, _channel.Version);
            _droppedNotStored.Clear();
        }
        catch (Exception e)
        {
            LogTrimFailed(_logger, e, Key, _droppedNotStored.Count);
        }
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox {Inbox} did not take notification {EventId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string inbox, string? eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox {Inbox} could not drop its {Count} oldest notifications; it tries again at its next change")]
    private static partial void LogTrimFailed(ILogger logger, Exception exception, string inbox, int count);
}
