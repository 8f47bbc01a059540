using Azure.Data.Tables;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>A pack's content as written to a row and read back, without storage.</summary>
public sealed class InboxPackTests
{
    private static readonly DateTimeOffset _at = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheLargestDelivery_FitsAnEmptyPack_AndReadsBackTheSame()
    {
        // Every part at its longest, of characters JSON escapes to six bytes each.
        var entries = Enumerable.Range(0, NotificationLimits.MaxBatch).Select(i => Entry(new Notification(
            $"{i:D3}" + new string('<', NotificationLimits.MaxEventIdLength - 3),
            NotificationKind.ReplyToMyComment,
            new string('é', NotificationLimits.MaxTitleLength),
            new string('é', NotificationLimits.MaxExcerptLength),
            "/" + new string('<', NotificationLimits.MaxLinkLength - 1),
            new NotificationActor(new string('>', NotificationLimits.MaxActorIdLength), new string('é', NotificationLimits.MaxActorNameLength)),
            _at.AddSeconds(-i)))).ToList();
        var pack = new InboxPack();

        Assert.True(pack.TryAdd("guest:" + new string('a', 64), entries, version: 7));
        var row = pack.WriteTo(new TableEntity("p", "r"));

        var json = InboxPack.ContentOf(row).Length;
        Assert.InRange(json, 500_000, InboxPack.MaxBytes);
        Assert.InRange(json, 0, pack.Bytes);
        var read = InboxPack.Read(row);
        Assert.Equal(entries, read.EntriesOf(Assert.Single(read.Deliveries)));
    }

    [Fact]
    public void ManyDeliveriesOfOneNotification_HoldItOnce_AndTheSizeItCountsIsNeverLess()
    {
        var entry = Entry(new Notification("comment:42", NotificationKind.FollowUpComment, "Night buses return", "“Finally!”", "/articles/night-buses", new NotificationActor("guest:ab", "Ada"), _at));
        var pack = new InboxPack();
        for (var i = 0; i < 3_000; i++)
        {
            Assert.True(pack.TryAdd($"guest:{i:x64}", [entry], version: long.MaxValue - i, storedAt: _at));
        }

        var row = pack.WriteTo(new TableEntity("p", "r"));

        var json = InboxPack.ContentOf(row).Length;
        Assert.InRange(json, 0, pack.Bytes);
        Assert.InRange(StoredBytes(row), 1, json / 4);
        var read = InboxPack.Read(row);
        Assert.Equal(3_000, read.Deliveries.Count);
        Assert.All(read.Deliveries, d => Assert.Equal(entry, Assert.Single(read.EntriesOf(d))));
        Assert.Equal(1, CountOf(row, "comment:42"));
    }

    [Fact]
    public void ARowOfAnEarlierBuild_WithItsJsonUncompressed_IsStillRead()
    {
        var note = new Notification("comment:7", NotificationKind.FollowUpComment, "Night buses return", "", "/articles/night-buses", new NotificationActor("guest:ab", "Ada"), _at);
        var row = new TableEntity("p", "r")
        {
            ["P0"] = System.Text.Encoding.UTF8.GetBytes(
                """{"notes":[{"eventId":"comment:7","kind":"FollowUpComment","title":"Night buses return","excerpt":"","link":"/articles/night-buses","actorId":"guest:ab","actorName":"Ada","at":"2026-12-01T21:00:00+00:00"}],"deliveries":[{"inbox":"staff:rosa","version":3,"notes":[0],"storedAt":null}]}"""),
        };

        var read = InboxPack.Read(row, storedAt: _at);

        var delivery = Assert.Single(read.Deliveries);
        Assert.Equal(("staff:rosa", 3L, _at), (delivery.Inbox, delivery.Version, delivery.StoredAt));
        Assert.Equal([Entry(note)], read.EntriesOf(delivery));
    }

    private static int StoredBytes(TableEntity row) => InboxPack.ColumnNames.Sum(c => row.GetBinary(c)?.Length ?? 0);

    private static InboxEntry Entry(Notification n) => new(InboxEntryId.Of(n), n, Read: false);

    private static int CountOf(TableEntity row, string text)
    {
        var json = System.Text.Encoding.UTF8.GetString(InboxPack.ContentOf(row));
        return (json.Length - json.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
    }
}
