using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// <see cref="IInboxStore"/> in Azure Table <see cref="TableName"/>, laid out by <see cref="PersonRows"/> (one of 256
/// partitions by the inbox key's hash, row keys <c>{inbox}|{row}</c>): one row per notification (its own key is its id,
/// <see cref="InboxEntryId"/>: newest first) with its parts, <c>Read</c> and the channel's <c>Version</c> its write
/// reached, and a <c>meta</c> row, the inbox's record, with the version of the last mark or removal. The version is
/// the highest of them all: a delivery, the write thousands of inboxes make at once, writes only its new rows (and the
/// record, the first time); a removal writes the record in the same transaction, so no version is lost with its rows.
/// Writes go through <see cref="TableGroupCommit"/>, so the inboxes of everyone told of one comment share transactions.
/// </summary>
internal sealed class TableInboxStore(TableServiceClient tables) : IInboxStore
{
    public const string TableName = "inboxes";

    private const string MetaRow = "meta";

    private const string VersionColumn = "Version";

    // A table transaction holds at most 100 actions; each chunk also writes the meta row.
    private const int RowsPerTransaction = TableGroupCommit.MaxActions - 1;

    private readonly StoreTable _table = new(tables, TableName);
    private readonly TableGroupCommit _commit = new(new StoreTable(tables, TableName));

    public async Task<StoredInbox> LoadAsync(string inbox, CancellationToken cancellationToken = default)
    {
        // Every change writes the meta row, so an inbox without one has never held anything: one read by key answers
        // for the many inboxes a fan-out wakes for the first time, where a query would cost more (on Azurite, a query
        // reads the whole table; a read by key does not).
        var table = await _table.ReadyAsync(cancellationToken);
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(PersonRows.Partition(inbox), PersonRows.Row(inbox, MetaRow), [VersionColumn], cancellationToken);
        if (!meta.HasValue)
        {
            return new StoredInbox([], 0, Kept: false, new Dictionary<string, long>());
        }

        var entries = new List<InboxEntry>();
        var deliveredAt = new Dictionary<string, long>(StringComparer.Ordinal);
        long version = 0;
        await foreach (var row in _table.QueryAsync(PersonRows.Filter(inbox), cancellationToken))
        {
            var id = PersonRows.RowOf(inbox, row.RowKey);
            if (id == MetaRow || InboxEntryId.IsWellFormed(id))
            {
                version = Math.Max(version, row.GetInt64(VersionColumn) ?? 0);
            }

            if (InboxEntryId.IsWellFormed(id))
            {
                entries.Add(Read(id, row));
                deliveredAt[id] = row.GetInt64(VersionColumn) ?? 0;
            }
        }

        return new StoredInbox(entries, version, Kept: true, deliveredAt);
    }

    public async Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, bool first, CancellationToken cancellationToken = default)
    {
        var rows = entries.Select(e => new TableTransactionAction(TableTransactionActionType.Add, Row(inbox, e, version))).ToList();
        if (first)
        {
            // The record goes with the first rows: an inbox with rows always has it.
            await Write(inbox, rows, a => a, version);
            return;
        }

        foreach (var chunk in rows.Chunk(TableGroupCommit.MaxActions))
        {
            await _commit.CommitAsync(PersonRows.Partition(inbox), chunk);
        }
    }

    public Task MarkReadAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default) =>
        Write(
            inbox,
            ids,
            id =>
            {
                var row = PersonRows.Entity(inbox, id);
                row["Read"] = true;
                return new TableTransactionAction(TableTransactionActionType.UpdateMerge, row);
            },
            version);

    public Task RemoveAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default) =>
        Write(inbox, ids, id => new TableTransactionAction(TableTransactionActionType.Delete, PersonRows.Entity(inbox, id), Azure.ETag.All), version);

    private async Task Write<T>(string inbox, IReadOnlyList<T> items, Func<T, TableTransactionAction> action, long version)
    {
        foreach (var chunk in items.Chunk(RowsPerTransaction))
        {
            var meta = PersonRows.Entity(inbox, MetaRow);
            meta[VersionColumn] = version;
            await _commit.CommitAsync(
                PersonRows.Partition(inbox), [.. chunk.Select(action), new TableTransactionAction(TableTransactionActionType.UpsertReplace, meta)]);
        }
    }

    private static TableEntity Row(string inbox, InboxEntry entry, long version) =>
        new TableEntity(PersonRows.Partition(inbox), PersonRows.Row(inbox, entry.Id)) { ["Read"] = entry.Read, [VersionColumn] = version }
            .WithNotification(entry.Notification);

    private static InboxEntry Read(string id, TableEntity row) => new(id, NotificationRow.Read(row), row.GetBoolean("Read") ?? false);
}
