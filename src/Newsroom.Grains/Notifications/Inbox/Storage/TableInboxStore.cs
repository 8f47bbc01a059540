using Azure.Data.Tables;
using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// <see cref="IInboxStore"/> in Azure Table <see cref="TableName"/>: partition = inbox key, one row per notification
/// (row key = its id, <see cref="InboxEntryId"/>: newest first) with its parts and <c>Read</c>, and a <c>meta</c> row
/// with the channel's version, written in the same transaction as each change.
/// </summary>
internal sealed class TableInboxStore(TableServiceClient tables) : IInboxStore
{
    public const string TableName = "inbox";

    private const string MetaRow = "meta";

    // A table transaction holds at most 100 operations; each chunk also writes the meta row.
    private const int RowsPerTransaction = 99;

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<StoredInbox> LoadAsync(string inbox, CancellationToken cancellationToken = default)
    {
        var entries = new List<InboxEntry>();
        long version = 0;
        await foreach (var row in _table.PartitionAsync(inbox, cancellationToken))
        {
            if (row.RowKey == MetaRow)
            {
                version = row.GetInt64("Version") ?? 0;
            }
            else if (InboxEntryId.IsWellFormed(row.RowKey))
            {
                entries.Add(Read(row));
            }
        }

        return new StoredInbox(entries, version);
    }

    public Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, CancellationToken cancellationToken = default) =>
        Write(inbox, entries, e => new TableTransactionAction(TableTransactionActionType.Add, Row(inbox, e)), version, cancellationToken);

    public Task MarkReadAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default) =>
        Write(
            inbox,
            ids,
            id => new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(inbox, id) { ["Read"] = true }),
            version,
            cancellationToken);

    public async Task RemoveAsync(string inbox, IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(RowsPerTransaction + 1))
        {
            await table.SubmitTransactionAsync(
                [.. chunk.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(inbox, id), Azure.ETag.All))],
                cancellationToken);
        }
    }

    private async Task Write<T>(string inbox, IReadOnlyList<T> items, Func<T, TableTransactionAction> action, long version, CancellationToken cancellationToken)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        foreach (var chunk in items.Chunk(RowsPerTransaction))
        {
            var meta = new TableEntity(inbox, MetaRow) { ["Version"] = version };
            await table.SubmitTransactionAsync(
                [.. chunk.Select(action), new TableTransactionAction(TableTransactionActionType.UpsertReplace, meta)], cancellationToken);
        }
    }

    private static TableEntity Row(string inbox, InboxEntry entry)
    {
        var n = entry.Notification;
        return new TableEntity(inbox, entry.Id)
        {
            ["EventId"] = n.EventId,
            ["Kind"] = n.Kind.ToString(),
            ["Title"] = n.Title,
            ["Excerpt"] = n.Excerpt,
            ["Link"] = n.Link,
            ["ActorId"] = n.Actor.Id,
            ["ActorName"] = n.Actor.DisplayName,
            ["At"] = n.At,
            ["Read"] = entry.Read,
        };
    }

    private static InboxEntry Read(TableEntity row) => new(
        row.RowKey,
        new Notification(
            row.GetString("EventId") ?? "",
            Enum.Parse<NotificationKind>(row.GetString("Kind") ?? ""),
            row.GetString("Title") ?? "",
            row.GetString("Excerpt") ?? "",
            row.GetString("Link") ?? "",
            new NotificationActor(row.GetString("ActorId") ?? "", row.GetString("ActorName") ?? ""),
            row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue),
        row.GetBoolean("Read") ?? false);
}
