using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// How an inbox is stored: a delivery writes only its rows (and the inbox's record the first time), yet the channel's
/// version read back is the highest ever written, also after the rows that held it are gone; and rows of the first,
/// 32-partition layout are moved to today's at start without overwriting anything written since.
/// </summary>
public sealed class TableInboxStoreTests(SharedAzurite storage)
{
    [Fact]
    public async Task AnInboxNeverDeliveredTo_IsNotKept_AndTheFirstDeliveryKeepsIt()
    {
        var store = Store();
        var inbox = NewInbox();

        var before = await store.LoadAsync(inbox);
        await store.AddAsync(inbox, [Entry("first")], version: 1, first: true);
        var after = await store.LoadAsync(inbox);

        Assert.False(before.Kept);
        Assert.Empty(before.Entries);
        Assert.True(after.Kept);
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public async Task Version_IsTheHighestWritten_AlsoAfterTheRowsThatHeldItAreRemoved()
    {
        var store = Store();
        var inbox = NewInbox();
        var (oldest, older) = (Entry("a"), Entry("bb"));

        await store.AddAsync(inbox, [Entry("ccc")], version: 1, first: true);
        await store.AddAsync(inbox, [oldest, older], version: 3, first: false);
        var delivered = await store.LoadAsync(inbox);
        await store.RemoveAsync(inbox, [oldest.Id, older.Id], version: 3);
        var trimmed = await store.LoadAsync(inbox);

        Assert.Equal(3, delivered.Version);
        Assert.Equal(3, delivered.Entries.Count);
        Assert.Equal(["ccc"], trimmed.Entries.Select(e => e.Notification.EventId));
        Assert.Equal(3, trimmed.Version);
    }

    [Fact]
    public async Task InboxesOfOnePartitionToldAtOnce_ShareAPackRow_AndEachReadsOnlyItsOwn()
    {
        var store = Store();
        var inboxes = InboxesOfOnePartition(30);
        await Task.WhenAll(inboxes.Select(i => store.AddAsync(i, [Entry("hello-" + i)], version: 1, first: true)));
        await Task.WhenAll(inboxes.Select(i => store.AddAsync(i, [Entry("shared")], version: 2, first: false)));

        var packs = await PacksNaming(inboxes);
        var loaded = await Task.WhenAll(inboxes.Select(i => store.LoadAsync(i)));

        // The first of each round goes alone while the rest wait, then they share: 60 deliveries, a handful of rows.
        Assert.InRange(packs.Count, 2, 8);
        Assert.All(loaded.Zip(inboxes), l =>
        {
            Assert.Equal(["hello-" + l.Second, "shared"], l.First.Entries.Select(e => e.Notification.EventId).Order(StringComparer.Ordinal));
            Assert.Equal(2, l.First.Version);
        });
    }

    [Fact]
    public async Task Settling_MovesEachInboxsShareIntoItsOwnRows_AndReadsBackTheSame()
    {
        var store = Store();
        var inboxes = InboxesOfOnePartition(5);
        await Task.WhenAll(inboxes.Select(i => store.AddAsync(i, [Entry("one")], version: 1, first: true)));
        await Task.WhenAll(inboxes.Select(i => store.AddAsync(i, [Entry("two"), Entry("three")], version: 3, first: false)));
        await store.MarkReadAsync(inboxes[0], [Entry("two").Id], version: 4);
        var before = await Task.WhenAll(inboxes.Select(i => store.LoadAsync(i)));

        var settled = await store.SettleAsync(PersonRows.Partition(inboxes[0]), DateTimeOffset.UtcNow.AddMinutes(1));
        var after = await Task.WhenAll(inboxes.Select(i => store.LoadAsync(i)));

        Assert.True(settled >= 2, $"settled {settled} packs");
        Assert.Empty(await PacksNaming(inboxes));
        Assert.All(inboxes, i => Assert.Contains(Rows(i).Result, r => r.StartsWith(PersonRows.Row(i, "b-"), StringComparison.Ordinal)));
        Assert.Equal(Snapshot(before), Snapshot(after));
        Assert.Equal(["one", "three"], after[0].Entries.Where(e => !e.Read).Select(e => e.Notification.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(4, after[0].Version);
        Assert.Equal(3, after[1].DeliveredAt[Entry("two").Id]);
    }

    [Fact]
    public async Task RemovingTheOldest_DeletesTheBucketsHoldingOnlyThem_AndKeepsTheRest()
    {
        var store = Store();
        var inbox = NewInbox();
        var partition = PersonRows.Partition(inbox);
        await store.AddAsync(inbox, [Entry("a")], version: 1, first: true);
        await store.AddAsync(inbox, [Entry("bb")], version: 2, first: false);
        await store.SettleAsync(partition, DateTimeOffset.UtcNow.AddMinutes(1));
        await store.AddAsync(inbox, [Entry("ccc")], version: 3, first: false);
        var buckets = (await Rows(inbox)).Count(r => r.Contains("|b-", StringComparison.Ordinal));

        await store.RemoveAsync(inbox, [Entry("a").Id, Entry("bb").Id], version: 3);
        var trimmed = await store.LoadAsync(inbox);
        await store.SettleAsync(partition, DateTimeOffset.UtcNow.AddMinutes(1));
        var settled = await store.LoadAsync(inbox);

        Assert.Equal(1, buckets);
        Assert.Equal(["ccc"], trimmed.Entries.Select(e => e.Notification.EventId));
        Assert.Equal(["ccc"], settled.Entries.Select(e => e.Notification.EventId));
        Assert.Single(await Rows(inbox), r => r.Contains("|b-", StringComparison.Ordinal));
        Assert.Equal(3, settled.Version);
    }

    [Fact]
    public async Task PacksASiloLeftBehind_AreSettledByASweepOfAnother_AndEachOnlyOnce()
    {
        var stopped = Store();
        var inboxes = InboxesOfOnePartition(3);
        await Task.WhenAll(inboxes.Select(i => stopped.AddAsync(i, [Entry("left")], version: 1, first: true)));
        var other = Store();

        var settledFromMemory = await other.SettleAsync(PersonRows.Partition(inboxes[0]), DateTimeOffset.UtcNow.AddMinutes(1));
        // A hundred at a time, oldest first: other tests' packs may share the partition.
        var (swept, more) = (0, 1);
        while (more > 0)
        {
            more = await other.SweepAsync(PersonRows.Partition(inboxes[0]), DateTimeOffset.UtcNow.AddMinutes(1));
            swept += more;
        }

        var loaded = await Task.WhenAll(inboxes.Select(i => other.LoadAsync(i)));

        Assert.Equal(0, settledFromMemory);
        Assert.True(swept >= 1, $"swept {swept} packs");
        Assert.Empty(await PacksNaming(inboxes));
        Assert.All(loaded, l => Assert.Equal(["left"], l.Entries.Select(e => e.Notification.EventId)));
        Assert.All(inboxes, i => Assert.Single(Rows(i).Result, r => r.Contains("|b-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheSettler_SettlesThePacksThisSiloWrote_OnceTheyAreOldEnough()
    {
        var tables = new TableServiceClient(storage.Azurite.ConnectionString);
        var store = new TableInboxStore(tables);
        var inbox = NewInbox();
        var options = Options.Create(new InboxPackOptions { SettleAfter = TimeSpan.FromSeconds(1) });
        using var settler = new InboxPackSettler(store, options, TimeProvider.System, NullLogger<InboxPackSettler>.Instance);
        await store.AddAsync(inbox, [Entry("a")], version: 1, first: true);
        Assert.Single(await PacksNaming([inbox]));

        await settler.StartAsync(CancellationToken.None);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await PacksNaming([inbox])).Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await settler.StopAsync(CancellationToken.None);
        Assert.Empty(await PacksNaming([inbox]));
        Assert.Empty(store.Unsettled);
        Assert.Equal(["a"], (await store.LoadAsync(inbox)).Entries.Select(e => e.Notification.EventId));
    }

    [Theory]
    [InlineData(0.5, 600)]
    [InlineData(7200, 7200)]
    [InlineData(60, 30)]
    public void PackOptionsOutOfRange_AreRefusedWithTheReason(double settleSeconds, double sweepSeconds)
    {
        var options = new InboxPackOptions { SettleAfter = TimeSpan.FromSeconds(settleSeconds), SweepEvery = TimeSpan.FromSeconds(sweepSeconds) };

        Assert.Contains("Newsroom:Inbox:", options.Problem, StringComparison.Ordinal);
        Assert.Null(new InboxPackOptions().Problem);
    }

    [Fact]
    public async Task RowsOfTheFirstLayout_MoveToTheirPartition_AndNeverOverwriteARowWrittenSince()
    {
        var tables = new TableServiceClient(storage.Azurite.ConnectionString);
        var tableName = "moves" + Guid.NewGuid().ToString("n")[..8];
        var table = tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        var ann = NewInbox();
        var bob = NewInbox();
        await table.AddEntityAsync(new TableEntity("p07", PersonRows.Row(ann, "meta")) { ["Version"] = 4L });
        await table.AddEntityAsync(new TableEntity("p07", PersonRows.Row(ann, "n-old")) { ["Title"] = "Kept from before" });
        await table.AddEntityAsync(new TableEntity("p31", PersonRows.Row(bob, "meta")) { ["Version"] = 2L });
        // Bob's record was written again since, at its new place: that one stays.
        await table.AddEntityAsync(new TableEntity(PersonRows.Partition(bob), PersonRows.Row(bob, "meta")) { ["Version"] = 9L });

        await new PersonRowsMigration(tables, tableName, NullLogger<PersonRowsMigration>.Instance).MoveAsync(CancellationToken.None);

        var legacy = await table.QueryAsync<TableEntity>(PersonRowsMigration.LegacyRows).ToListAsync();
        var annsRecord = await table.GetEntityAsync<TableEntity>(PersonRows.Partition(ann), PersonRows.Row(ann, "meta"));
        var annsRow = await table.GetEntityAsync<TableEntity>(PersonRows.Partition(ann), PersonRows.Row(ann, "n-old"));
        var bobsRecord = await table.GetEntityAsync<TableEntity>(PersonRows.Partition(bob), PersonRows.Row(bob, "meta"));
        Assert.Empty(legacy);
        Assert.Equal(4L, annsRecord.Value.GetInt64("Version"));
        Assert.Equal("Kept from before", annsRow.Value.GetString("Title"));
        Assert.Equal(9L, bobsRecord.Value.GetInt64("Version"));
    }

    private TableInboxStore Store() => new(new TableServiceClient(storage.Azurite.ConnectionString));

    private TableClient InboxTable => new(storage.Azurite.ConnectionString, TableInboxStore.TableName);

    private static string[] InboxesOfOnePartition(int count)
    {
        var partition = PersonRows.Partition(NewInbox());
        return [.. Enumerable.Range(0, int.MaxValue).Select(_ => NewInbox()).Where(i => PersonRows.Partition(i) == partition).Take(count)];
    }

    /// <summary>The pack rows that hold a delivery to any of <paramref name="inboxes"/> (all in one partition).</summary>
    private async Task<List<string>> PacksNaming(IReadOnlyList<string> inboxes)
    {
        var partition = PersonRows.Partition(inboxes[0]);
        var rows = InboxTable.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo("pack|") >= 0 && e.RowKey.CompareTo("pack}") < 0);
        return await rows.Where(r => InboxPack.Read(r).Deliveries.Any(d => inboxes.Contains(d.Inbox))).Select(r => r.RowKey).ToListAsync();
    }

    private async Task<List<string>> Rows(string inbox) =>
        await InboxTable.QueryAsync<TableEntity>(PersonRows.Filter(inbox), select: ["RowKey"]).Select(r => r.RowKey).ToListAsync();

    private static string[] Snapshot(StoredInbox[] inboxes) =>
        [.. inboxes.Select(i => string.Join(";", i.Entries.OrderBy(e => e.Id, StringComparer.Ordinal).Select(e => $"{e.Id}:{e.Read}:{i.DeliveredAt[e.Id]}")) + $"@{i.Version}")];

    private static string NewInbox() => InboxKey.Staff("st" + Guid.NewGuid().ToString("n")[..10]);

    /// <summary>A follow-up comment notification named by its event id, as the store tests write them.</summary>
    internal static InboxEntry Entry(string eventId)
    {
        var notification = new Notification(
            eventId, NotificationKind.FollowUpComment, "A new comment", "Text", "/articles/a", new NotificationActor("staff:eddie", "Eddie"),
            DateTimeOffset.UnixEpoch.AddMinutes(eventId.Length));
        return new InboxEntry(InboxEntryId.Of(notification), notification, Read: false);
    }
}
