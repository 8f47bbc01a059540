using Azure.Data.Tables;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>Inboxes share 256 partitions (<see cref="PersonRows"/>); each still reads its own rows and nobody else's.</summary>
public sealed class PersonRowsTests(SharedAzurite storage)
{
    [Fact]
    public async Task AnInbox_ReadsItsOwnRows_NotThoseOfAnInboxInItsPartitionWhoseKeyStartsWithItsKey()
    {
        var ann = InboxKey.Staff("ann" + Guid.NewGuid().ToString("n")[..8]);
        // A longer key in the same partition: the case a prefix query would get wrong.
        var annie = Enumerable.Range(0, 10_000).Select(i => ann + "x" + i).First(k => PersonRows.Partition(k) == PersonRows.Partition(ann));
        var store = new TableInboxStore(new TableServiceClient(storage.Azurite.ConnectionString));

        await store.AddAsync(ann, [TableInboxStoreTests.Entry("for-ann")], version: 1, first: true);
        await store.AddAsync(annie, [TableInboxStoreTests.Entry("for-annie-1"), TableInboxStoreTests.Entry("for-annie-2")], version: 7, first: true);
        await store.MarkReadAsync(annie, [InboxEntryId.Of(TableInboxStoreTests.Entry("for-annie-1").Notification)], version: 8);

        var annsInbox = await store.LoadAsync(ann);
        var anniesInbox = await store.LoadAsync(annie);
        Assert.Equal(["for-ann"], annsInbox.Entries.Select(e => e.Notification.EventId));
        Assert.Equal(1, annsInbox.Version);
        Assert.Equal(["for-annie-1", "for-annie-2"], anniesInbox.Entries.Select(e => e.Notification.EventId).Order());
        Assert.True(anniesInbox.Entries.Single(e => e.Notification.EventId == "for-annie-1").Read);
        Assert.Equal(8, anniesInbox.Version);
    }

    [Fact]
    public void PeopleSpreadOverEveryPartition_AndOnePersonAlwaysLandsOnTheSameOne()
    {
        var partitions = Enumerable.Range(0, 20_000).Select(i => PersonRows.Partition(InboxKey.Staff($"reader{i}"))).ToList();

        Assert.Equal(PersonRows.Partitions, partitions.Distinct().Count());
        Assert.All(partitions.GroupBy(p => p), g => Assert.InRange(g.Count(), 40, 120));
        Assert.Equal(PersonRows.Partition("staff:rosa"), PersonRows.Partition("staff:rosa"));
    }
}
