using System.Runtime.CompilerServices;
using Azure.Data.Tables;

namespace Newsroom.Grains;

/// <summary>
/// The Azure table a store keeps its rows in: created on the store's first use, and read a partition (or a range of
/// partitions) at a time. Not remembered when creating fails: storage that was down at the first call is tried again
/// at the next.
/// </summary>
internal sealed class StoreTable(TableServiceClient tables, string name)
{
    private readonly TableClient _table = tables.GetTableClient(name);
    private volatile bool _exists;

    /// <summary>The table, created first if this store has not made sure of it yet.</summary>
    public async ValueTask<TableClient> ReadyAsync(CancellationToken cancellationToken = default)
    {
        if (!_exists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _exists = true;
        }

        return _table;
    }

    /// <summary>Every row of one partition.</summary>
    public IAsyncEnumerable<TableEntity> PartitionAsync(string partition, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);

    /// <summary>Every row an OData <paramref name="filter"/> (made with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>) selects.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await ReadyAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return row;
        }
    }
}
