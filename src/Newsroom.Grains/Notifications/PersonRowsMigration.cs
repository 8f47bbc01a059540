using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Newsroom.Grains.Notifications;

/// <summary>
/// Moves the rows one table held under the first <see cref="PersonRows"/> layout (32 partitions <c>p00</c> to
/// <c>p31</c>, until 2026-12-01) to today's, before the silo takes calls. Each row is added at its new place, then
/// deleted at its old one: a move stopped half way is finished at the next start, and a row already at its new place
/// (moved earlier, or written since) is kept as it is, so a move never goes back in time.
/// </summary>
internal sealed partial class PersonRowsMigration(TableServiceClient tables, string tableName, ILogger<PersonRowsMigration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly HashSet<string> _systemColumns = new(["PartitionKey", "RowKey", "Timestamp"], StringComparer.Ordinal);

    private readonly StoreTable _table = new(tables, tableName);

    /// <summary>The first layout's partitions, and nothing of today's (<c>h00</c> to <c>hff</c>).</summary>
    internal static string LegacyRows => TableClient.CreateQueryFilter($"PartitionKey ge {"p00"} and PartitionKey le {"p31"}");

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe<PersonRowsMigration>(ServiceLifecycleStage.ApplicationServices, MoveAsync);

    public async Task MoveAsync(CancellationToken cancellationToken)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        var moved = 0;
        await foreach (var row in _table.QueryAsync(LegacyRows, cancellationToken))
        {
            var person = row.RowKey.Split('|', 2)[0];
            var copy = new TableEntity(PersonRows.Partition(person), row.RowKey);
            foreach (var (name, value) in row.Where(p => !_systemColumns.Contains(p.Key) && !p.Key.StartsWith("odata.", StringComparison.Ordinal)))
            {
                copy[name] = value;
            }

            try
            {
                await table.AddEntityAsync(copy, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Already at its new place: that row is as new as this one or newer.
            }

            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            moved++;
        }

        if (moved > 0)
        {
            LogMoved(logger, moved, tableName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} rows of table {Table} to the 256-partition layout")]
    private static partial void LogMoved(ILogger logger, int count, string table);
}

internal static class PersonRowsMigrationServiceCollectionExtensions
{
    /// <summary>Moves <paramref name="tableName"/>'s rows of the first layout at silo start (<see cref="PersonRowsMigration"/>).</summary>
    public static IServiceCollection AddPersonRowsMigration(this IServiceCollection services, string tableName, Func<IServiceProvider, TableServiceClient> tables) =>
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider =>
            new PersonRowsMigration(tables(provider), tableName, provider.GetRequiredService<ILogger<PersonRowsMigration>>()));
}
