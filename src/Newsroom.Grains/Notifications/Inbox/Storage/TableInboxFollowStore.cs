using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// <see cref="IInboxFollowStore"/> in the inbox table (<see cref="TableInboxStore.TableName"/>): partition = inbox key,
/// row key <c>f-{topic}</c> (the key is all it holds). Notification rows start <c>n-</c> and the meta row is <c>meta</c>, so
/// the follows are one row-key range, read without the notifications.
/// </summary>
internal sealed class TableInboxFollowStore(TableServiceClient tables) : IInboxFollowStore
{
    private const string Prefix = "f-";

    // The first row key after every "f-…": '.' follows '-' in ordinal order.
    private const string PrefixEnd = "f.";

    private readonly StoreTable _table = new(tables, TableInboxStore.TableName);

    public async Task<IReadOnlyList<string>> LoadFollowsAsync(string inbox, CancellationToken cancellationToken = default)
    {
        var topics = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {inbox} and RowKey ge {Prefix} and RowKey lt {PrefixEnd}");
        await foreach (var row in _table.QueryAsync(filter, cancellationToken))
        {
            topics.Add(row.RowKey[Prefix.Length..]);
        }

        return topics;
    }

    public async Task AddFollowAsync(string inbox, string topic, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(inbox, Prefix + topic), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveFollowAsync(string inbox, string topic, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(inbox, Prefix + topic, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: unfollowing twice is unfollowing once.
        }
    }
}
