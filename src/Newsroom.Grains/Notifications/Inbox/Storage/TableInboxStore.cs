using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// <see cref="IInboxStore"/> in Azure Table <see cref="TableName"/>, laid out by <see cref="PersonRows"/> (one of 256
/// partitions by the inbox key's hash). A delivery is written into the partition's next <c>pack|{ticks}|…</c> row
/// (<see cref="InboxPack"/>, <see cref="InboxPackCommit"/>): thousands of inboxes told of one comment share a row per
/// partition instead of writing one each. Settling (<see cref="SettleAsync"/>, run by <see cref="InboxPackSettler"/>)
/// later moves each inbox's share of the packs older than a minute into a bucket row of its own
/// (<c>{inbox}|b-{newest id}-…</c>), so reading an inbox reads its own rows and only the partition's recent packs.
/// An inbox's own rows are also its <c>meta</c> row (its record: the channel version of its last mark or removal, and
/// <c>DroppedFrom</c>, the newest notification it no longer keeps: it and every older one are gone), a row per
/// notification read (<c>Read</c>), and the notification rows of builds before packs. The version read back is the
/// highest of all; a removal writes the record in the same transaction as its deletions, so no version is lost.
/// </summary>
internal sealed partial class TableInboxStore : IInboxStore
{
    public const string TableName = "inboxes";

    private const string MetaRow = "meta";
    private const string VersionColumn = "Version";
    private const string DroppedFromColumn = "DroppedFrom";
    private const string BucketPrefix = "b-";
    private const string PackPrefix = "pack|";

    // A table transaction holds at most 100 actions; each chunk also writes the meta row.
    private const int RowsPerTransaction = TableGroupCommit.MaxActions - 1;

    private readonly StoreTable _table;
    private readonly TableGroupCommit _commit;
    private readonly InboxPackCommit _packs;
    private readonly TimeProvider _clock;


    public TableInboxStore(TableServiceClient tables, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        _table = new StoreTable(tables, TableName);
        _commit = new TableGroupCommit(new StoreTable(tables, TableName));
        _packs = new InboxPackCommit(new StoreTable(tables, TableName), _clock, Written);
    }

    /// <summary>The row key of a pack written at <paramref name="at"/>: packs sort oldest first.</summary>
    public static string PackRow(DateTimeOffset at) => $"{PackPrefix}{at.UtcTicks:D19}|{Guid.NewGuid():N}";

    /// <summary>The inbox's record, merged in: it sets the version and leaves the other columns be.</summary>
    public static TableEntity Record(string inbox, long version) => new(PersonRows.Partition(inbox), PersonRows.Row(inbox, MetaRow)) { [VersionColumn] = version };

    public async Task<StoredInbox> LoadAsync(string inbox, CancellationToken cancellationToken = default)
    {
        // Every change writes the meta row, so an inbox without one has never held anything: one read by key answers
        // for the many inboxes a fan-out wakes for the first time, where a query would cost more (on Azurite, a query
        // reads the whole table; a read by key does not).
        var table = await _table.ReadyAsync(cancellationToken);
        var partition = PersonRows.Partition(inbox);
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(partition, PersonRows.Row(inbox, MetaRow), [VersionColumn, DroppedFromColumn], cancellationToken);
        if (!meta.HasValue)
        {
            return new StoredInbox([], 0, Kept: false, new Dictionary<string, long>());
        }

        var found = new Found(inbox, meta.Value!.GetInt64(VersionColumn) ?? 0);
        await foreach (var row in _table.QueryAsync(PersonRows.Filter(inbox), cancellationToken))
        {
            var id = PersonRows.RowOf(inbox, row.RowKey);
            if (InboxEntryId.IsWellFormed(id) && row.GetString("EventId") is not null)
            {
                found.Take(new InboxEntry(id, NotificationRow.Read(row), row.GetBoolean("Read") ?? false), row.GetInt64(VersionColumn) ?? 0);
            }
            else if (InboxEntryId.IsWellFormed(id) && row.GetBoolean("Read") == true)
            {
                found.Marked.Add(id);
            }
            else if (id.StartsWith(BucketPrefix, StringComparison.Ordinal))
            {
                found.Take(InboxPack.Read(row));
            }
        }

        await foreach (var row in _table.QueryAsync(Packs(partition, before: DateTimeOffset.MaxValue), cancellationToken))
        {
            found.Take(InboxPack.Read(row));
        }

        return found.Stored(meta.Value.GetString(DroppedFromColumn));
    }

    public Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, bool first, CancellationToken cancellationToken = default) =>
        _packs.CommitAsync(new InboxPackCommit.Delivery(inbox, entries, version, first));

    // A notification read gets a row of its own (the notification itself may be in a pack or a bucket shared with others).
    public Task MarkReadAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default) =>
        Write(
            inbox,
            ids,
            id =>
            {
                var row = PersonRows.Entity(inbox, id);
                row["Read"] = true;
                return new TableTransactionAction(TableTransactionActionType.UpsertMerge, row);
            },
            Record(inbox, version));

    /// <summary>
    /// The ids are the oldest the inbox held (it drops from the old end): the record says the newest of them and all
    /// older are gone, which also covers those in packs and buckets shared with others; rows of its own that hold only
    /// such notifications are deleted.
    /// </summary>
    public async Task RemoveAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var droppedFrom = ids.Min(StringComparer.Ordinal)!;
        var gone = new List<string>();
        var table = await _table.ReadyAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(PersonRows.Filter(inbox), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            var id = PersonRows.RowOf(inbox, row.RowKey);
            var newest = id.StartsWith(BucketPrefix, StringComparison.Ordinal) ? BucketNewest(id) : id;
            if (InboxEntryId.IsWellFormed(newest) && string.CompareOrdinal(newest, droppedFrom) >= 0)
            {
                gone.Add(id);
            }
        }

        var record = Record(inbox, version);
        record[DroppedFromColumn] = droppedFrom;
        await Write(inbox, gone, id => new TableTransactionAction(TableTransactionActionType.Delete, PersonRows.Entity(inbox, id), ETag.All), record);
    }

    // "b-{newest id}-{hash}": the newest notification it holds.
    private static string BucketNewest(string id) => id.Length >= BucketPrefix.Length + InboxEntryId.Length ? id.Substring(BucketPrefix.Length, InboxEntryId.Length) : "";

    private static string Packs(string partition, DateTimeOffset before)
    {
        var to = before == DateTimeOffset.MaxValue ? "pack}" : $"{PackPrefix}{before.UtcTicks:D19}";
        return TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PackPrefix} and RowKey lt {to}");
    }

    private async Task Write<T>(string inbox, IReadOnlyList<T> items, Func<T, TableTransactionAction> action, TableEntity record)
    {
        var chunks = items.Count == 0 ? [[]] : items.Chunk(RowsPerTransaction).ToArray();
        foreach (var chunk in chunks)
        {
            await _commit.CommitAsync(
                PersonRows.Partition(inbox), [.. chunk.Select(action), new TableTransactionAction(TableTransactionActionType.UpsertMerge, record)]);
        }
    }

    /// <summary>What one inbox's rows and the packs of its partition hold for it.</summary>
    private sealed class Found(string inbox, long version)
    {
        private readonly Dictionary<string, (InboxEntry Entry, long Version)> _entries = new(StringComparer.Ordinal);
        private long _version = version;

        public HashSet<string> Marked { get; } = new(StringComparer.Ordinal);

        public void Take(InboxEntry entry, long version)
        {
            _version = Math.Max(_version, version);
            if (_entries.TryGetValue(entry.Id, out var known))
            {
                entry = entry with { Read = entry.Read || known.Entry.Read };
                version = Math.Max(version, known.Version);
            }

            _entries[entry.Id] = (entry, version);
        }

        public void Take(InboxPack pack)
        {
            foreach (var delivery in pack.Deliveries.Where(d => d.Inbox == inbox))
            {
                foreach (var entry in pack.EntriesOf(delivery))
                {
                    Take(entry, delivery.Version);
                }
            }
        }

        public StoredInbox Stored(string? droppedFrom)
        {
            var kept = _entries.Values
                .Where(e => droppedFrom is null || string.CompareOrdinal(e.Entry.Id, droppedFrom) < 0)
                .Select(e => e with { Entry = e.Entry with { Read = e.Entry.Read || Marked.Contains(e.Entry.Id) } })
                .ToList();
            return new StoredInbox(
                [.. kept.Select(e => e.Entry)], _version, Kept: true, kept.ToDictionary(e => e.Entry.Id, e => e.Version, StringComparer.Ordinal));
        }
    }
}
