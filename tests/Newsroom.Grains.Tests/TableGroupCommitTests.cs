using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains.Tests;

public sealed class TableGroupCommitTests(SharedAzurite storage)
{
    private readonly TableServiceClient _tables = new(storage.Azurite.ConnectionString);

    [Fact]
    public async Task ABurstOfWritesToFewPartitions_IsAllStored_InFarFewerTransactionsThanWrites()
    {
        var (commit, table) = NewCommit();
        var partitions = new[] { "p00", "p01", "p02" };

        await Task.WhenAll(Enumerable.Range(0, 600).Select(i =>
        {
            var partition = partitions[i % partitions.Length];
            return commit.CommitAsync(partition,
            [
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"inbox{i}|n") { ["Text"] = $"comment {i}" }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"inbox{i}|meta") { ["Version"] = i }),
            ]);
        }));

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(1_200, rows.Count);
        Assert.Equal(600, rows.Count(r => r.RowKey.EndsWith("|n", StringComparison.Ordinal)));
        // 600 writes of 2 actions: at least 12 transactions of 100; grouping must bring it far below one per write.
        Assert.InRange(commit.Transactions, 12, 200);
    }

    [Fact]
    public async Task ABadWriteInASharedTransaction_FailsAlone_AndTheOthersAreStored()
    {
        var (commit, table) = NewCommit();
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p00", "taken") { ["Text"] = "first" });

        var writes = Enumerable.Range(0, 50).Select(i => commit.CommitAsync("p00",
            [new(TableTransactionActionType.Add, new TableEntity("p00", i == 25 ? "taken" : $"row{i}") { ["Text"] = $"write {i}" })])).ToList();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => writes[25]);
        Assert.True(failure is RequestFailedException or TableTransactionFailedException, failure.GetType().Name);
        await Task.WhenAll(writes.Where((_, i) => i != 25));
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(50, rows.Count);
        Assert.Equal("first", rows.Single(r => r.RowKey == "taken").GetString("Text"));
    }

    [Fact]
    public async Task TwoWritesToOneRow_AreNeverInOneTransaction_AndTheLaterWins()
    {
        var (commit, table) = NewCommit();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => commit.CommitAsync("p00",
            [new(TableTransactionActionType.UpsertReplace, new TableEntity("p00", "meta") { ["Version"] = i })])));

        var meta = await table.GetEntityAsync<TableEntity>("p00", "meta");
        Assert.Equal(39, meta.Value.GetInt32("Version"));
        Assert.Equal(40, commit.Transactions);
    }

    [Fact]
    public async Task AWriteOfMoreThanATransactionHolds_OrAcrossPartitions_IsRefusedBeforeAnythingIsSent()
    {
        var (commit, _) = NewCommit();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => commit.CommitAsync("p00",
            [.. Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p00", $"r{i}")))]));
        await Assert.ThrowsAsync<ArgumentException>(() => commit.CommitAsync("p00",
            [new(TableTransactionActionType.UpsertReplace, new TableEntity("p01", "r"))]));
        Assert.Equal(0, commit.Transactions);
    }

    private (TableGroupCommit Commit, TableClient Table) NewCommit()
    {
        var name = "groupcommit" + Guid.NewGuid().ToString("n")[..12];
        return (new TableGroupCommit(new StoreTable(_tables, name)), _tables.GetTableClient(name));
    }
}
