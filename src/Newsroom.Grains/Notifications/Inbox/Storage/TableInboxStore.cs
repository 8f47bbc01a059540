using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// <see cref="IInboxStore"/> in Azure Table <see cref="TableName"/>, laid out by <see cref="PersonRows"/> (one of 32
/// partitions by the inbox key's hash, row keys <c>{inbox}|{row}</c>): one row per notification (its own key is its id,
/// <see cref="InboxEntryId"/>: newest first) with its parts and <c>Read</c>, and a <c>meta</c> row with the channel's
/// version, written in the same transaction as each change. Writes go through <see cref="TableGroupCommit"/>, so the
/// inboxes of everyone told of one comment share a few dozen transactions.
/// </summary>
internal sealed class TableInboxStore(TableServiceClient tables) : IInboxStore
{
    public const string TableName = "inboxes";

    private const string MetaRow = "meta";

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
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(PersonRows.Partition(inbox), PersonRows.Row(inbox, MetaRow), ["Version"], cancellationToken);
        if (!meta.HasValue)
        {
            return new StoredInbox([], 0);
        }

        var entries = new List<InboxEntry>();
        long version = 0;
        await foreach (var row in _table.QueryAsync(PersonRows.Filter(inbox), cancellationToken))
        {
            var id = PersonRows.RowOf(inbox, row.RowKey);
            if (id == MetaRow)
            {
                version = row.GetInt64("Version") ?? 0;
            }
            else if (InboxEntryId.IsWellFormed(id))
            {
                entries.Add(Read(id, row));
            }
        }

        return new StoredInbox(entries, version);
    }

    public Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, CancellationToken cancellationToken = default) =>
        Write(inbox, entries, e => new TableTransactionAction(TableTransactionActionType.Add, Row(inbox, e)), version);

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

    public async Task RemoveAsync(string inbox, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in ids.Chunk(TableGroupCommit.MaxActions))
        {
            await _commit.CommitAsync(
                PersonRows.Partition(inbox),
                [.. chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, PersonRows.Entity(inbox, id), Azure.ETag.All))]);
        }
    }

    private async Task Write<T>(string inbox, IReadOnlyList<T> items, Func<T, TableTransactionAction> action, long version)
    {
        foreach (var chunk in items.Chunk(RowsPerTransaction))
        {
            var meta = PersonRows.Entity(inbox, MetaRow);
            meta["Version"] = version;
            await _commit.CommitAsync(
                PersonRows.Partition(inbox), [.. chunk.Select(action), new TableTransactionAction(TableTransactionActionType.UpsertReplace, meta)]);
        }
    }

    private static TableEntity Row(string inbox, InboxEntry entry) =>
        new TableEntity(PersonRows.Partition(inbox), PersonRows.Row(inbox, entry.Id)) { ["Read"] = entry.Read }.WithNotification(entry.Notification);

    private static InboxEntry Read(string id, TableEntity row) => new(id, NotificationRow.Read(row), row.GetBoolean("Read") ?? false);
}
