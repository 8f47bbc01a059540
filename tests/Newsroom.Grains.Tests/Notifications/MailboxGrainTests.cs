using Azure.Data.Tables;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// When a person is emailed: an "immediately" email waits the grace period (2 minutes) and takes everything that
/// arrived meanwhile, without what was read in a tab; digests wait an hour or a day, and survive the mailbox going;
/// Never sends nothing. The clock is the test cluster's fake, moved by the tests.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MailboxGrainTests(GrainCluster cluster)
{
    private static readonly TimeSpan _grace = new EmailDeliveryOptions().GracePeriod;

    private readonly MailboxPeople _people = new(cluster);

    [Fact]
    public async Task TenRepliesWithinTheGracePeriod_AreOneEmail()
    {
        var person = _people.New();
        for (var i = 0; i < 10; i++)
        {
            await person.Inbox.Deliver([_people.Reply($"reply-{i}")]);
            await _people.WaitingFor(person, i + 1);
            cluster.Clock.Advance(TimeSpan.FromSeconds(6));
        }

        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);

        var email = Assert.Single(cluster.Emails.SentTo(person.Address));
        Assert.Equal("10 notifications", email.Subject);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"Reply reply-{i}", email.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneNotification_IsNotSentBeforeTheGracePeriodEnds_AndIsNamedByItsTitle()
    {
        var person = _people.New();
        await person.Inbox.Deliver([_people.Reply("only")]);
        await _people.WaitingFor(person, 1);

        cluster.Clock.Advance(_grace - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await person.Mailbox.Waiting());
        Assert.Empty(cluster.Emails.SentTo(person.Address));

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await _people.WaitingFor(person, 0);
        Assert.Equal("Reply only", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task ReadInATabMeanwhile_IsLeftOut_AndWhenAllWereReadNothingIsSent()
    {
        var person = _people.New();
        var added = (await person.Inbox.Deliver([_people.Reply("read-1"), _people.Reply("kept"), _people.Reply("read-2")])).Added;
        await _people.WaitingFor(person, 3);
        await person.Inbox.MarkRead(added.Single(e => e.Notification.EventId == "read-1").Id);
        await person.Inbox.MarkRead(added.Single(e => e.Notification.EventId == "read-2").Id);

        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);
        Assert.Equal("Reply kept", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);

        await person.Inbox.Deliver([_people.Reply("later")]);
        await _people.WaitingFor(person, 1);
        await person.Inbox.MarkAllRead();
        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);
        Assert.Single(cluster.Emails.SentTo(person.Address));
    }

    [Fact]
    public async Task Never_SendsNoEmail_ButTheInboxKeepsTheNotification()
    {
        var person = _people.New();
        await person.Mailbox.SetDelivery(NotificationKind.ReplyToMyComment, EmailDelivery.Never);

        var delivered = await person.Inbox.Deliver([_people.Reply("quiet"), _people.Mention("loud")]);
        await _people.WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);

        Assert.Equal(2, delivered.Unread);
        Assert.Equal("Mentioned in loud", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task HourlyDigest_WaitsAnHourFromTheFirst_AndCollectsWhatArrivedMeanwhile()
    {
        var person = _people.New();
        await person.Mailbox.SetDelivery(NotificationKind.ReplyToMyComment, EmailDelivery.Hourly);
        await person.Inbox.Deliver([_people.Reply("first")]);
        await _people.WaitingFor(person, 1);

        cluster.Clock.Advance(TimeSpan.FromMinutes(30));
        await person.Inbox.Deliver([_people.Reply("second")]);
        await _people.WaitingFor(person, 2);
        cluster.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(2, await person.Mailbox.Waiting());
        Assert.Empty(cluster.Emails.SentTo(person.Address));

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await _people.WaitingFor(person, 0);
        Assert.Equal("2 notifications", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task DailyDigest_SurvivesTheMailboxGoing_AndItsPartitionsWakeUpSendsIt()
    {
        var person = _people.New();
        await person.Mailbox.SetDelivery(NotificationKind.ReplyToMyComment, EmailDelivery.Daily);
        await person.Inbox.Deliver([_people.Reply("kept-over-restart")]);
        await _people.WaitingFor(person, 1);

        await cluster.Deactivate(person.Mailbox);
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        // What the reminder service does after a restart: the partition's wake-up finds the mailbox marked waiting and wakes it.
        await _people.WakePartitionOf(person);

        await _people.WaitingFor(person, 0);
        Assert.Equal("Reply kept-over-restart", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task AfterTheMailboxGoes_AnEmailAlreadySentIsNotSentAgain_WhileADigestStillWaitingIs()
    {
        var person = _people.New();
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Daily);
        await person.Inbox.Deliver([_people.Mention("for-the-digest")]);
        await person.Inbox.Deliver([_people.Reply("sent-at-once")]);
        await _people.WaitingFor(person, 2);
        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 1);
        Assert.Equal("Reply sent-at-once", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);

        // Nothing waiting is written per notification: the woken mailbox asks the inbox what is still owed.
        await cluster.Deactivate(person.Mailbox);
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        await _people.WakePartitionOf(person);

        await _people.WaitingFor(person, 0);
        var emails = cluster.Emails.SentTo(person.Address);
        Assert.Equal(["Reply sent-at-once", "Mentioned in for-the-digest"], emails.Select(e => e.Subject));
    }

    [Fact]
    public async Task AWaitingRowOfAnEarlierBuild_IsStillSent_AndRemovedOnceSent()
    {
        var person = _people.New();
        var earlier = _people.Reply("from-an-earlier-build");
        var id = InboxEntryId.Of(earlier);
        var row = new TableEntity(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "p-" + id))
        {
            ["Delivery"] = "Immediately",
            ["Queued"] = cluster.Clock.GetUtcNow(),
        };
        await _people.Mailboxes().AddEntityAsync(row.WithNotification(earlier));
        await _people.Mailboxes().UpsertEntityAsync(new TableEntity(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "settings")) { ["Waiting"] = true });
        await person.Inbox.Deliver([earlier]);

        cluster.Clock.Advance(_grace);
        await _people.WakePartitionOf(person);

        await _people.WaitingFor(person, 0);
        Assert.Equal("Reply from-an-earlier-build", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
        await Eventually.Until(
            async () => (await _people.Mailboxes().GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue,
            present => !present,
            MailboxPeople.Wait,
            "the earlier build's waiting row removed");
    }
    [Fact]
    public async Task TheWaitingMark_IsSetWithTheFirstWaitingRow_KeptBySettings_AndClearedOnceSent_SoAnIdleMailboxWakesOnItsSettingsAlone()
    {
        var person = _people.New();
        Assert.Null(await _people.WaitingMark(person));

        await person.Inbox.Deliver([_people.Reply("marked")]);
        await _people.WaitingFor(person, 1);
        Assert.True(await _people.WaitingMark(person));
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Hourly);
        Assert.True(await _people.WaitingMark(person));

        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);
        await Eventually.Until(() => _people.WaitingMark(person), mark => mark == false, MailboxPeople.Wait, $"{person.Key}'s mailbox marked as holding nothing");
        Assert.Equal("Reply marked", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
        Assert.Equal(EmailDelivery.Hourly, (await person.Mailbox.Preferences()).Delivery[NotificationKind.Mentioned]);

        // Unmarked, a woken mailbox reads its settings row only: a stray waiting row is not even looked at.
        var table = _people.Mailboxes();
        var stray = new TableEntity(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "p-stray")) { ["Delivery"] = "Immediately" };
        await table.AddEntityAsync(stray.WithNotification(_people.Reply("stray")));
        await cluster.Deactivate(person.Mailbox);
        Assert.Equal(0, await person.Mailbox.Waiting());
    }
}
