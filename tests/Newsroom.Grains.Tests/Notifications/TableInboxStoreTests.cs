using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
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
        var later = Entry("later");

        await store.AddAsync(inbox, [Entry("first")], version: 1, first: true);
        await store.AddAsync(inbox, [later, Entry("latest")], version: 3, first: false);
        var delivered = await store.LoadAsync(inbox);
        await store.RemoveAsync(inbox, [later.Id, Entry("latest").Id], version: 3);
        var trimmed = await store.LoadAsync(inbox);

        Assert.Equal(3, delivered.Version);
        Assert.Equal(3, delivered.Entries.Count);
        Assert.Equal(["first"], trimmed.Entries.Select(e => e.Notification.EventId));
        Assert.Equal(3, trimmed.Version);
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
