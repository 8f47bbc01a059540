using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Topics;

/// <summary>
/// <see cref="ITopicStore"/> in Azure Table <see cref="TableName"/>: partition = topic key, one row per subscriber
/// (row key = their inbox key) with <c>Since</c>. A topic's partition is read once, when its grain activates.
/// </summary>
internal sealed class TableTopicStore(TableServiceClient tables) : ITopicStore
{
    public const string TableName = "topics";

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<IReadOnlyList<string>> LoadAsync(string topic, CancellationToken cancellationToken = default)
    {
        var subscribers = new List<string>();
        await foreach (var row in _table.PartitionAsync(topic, cancellationToken))
        {
            subscribers.Add(row.RowKey);
        }

        return subscribers;
    }

    public async Task AddAsync(string topic, string inboxKey, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(topic, inboxKey) { ["Since"] = since }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string topic, string inboxKey, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(topic, inboxKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: leaving twice is leaving once.
        }
    }
}
