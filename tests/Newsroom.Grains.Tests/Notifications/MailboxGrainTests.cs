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
/// arrived meanwhile, without what was read in a tab; digests wait an hour or a day; Never sends nothing; a failed
/// send is tried again later and nothing is sent twice. The clock is the test cluster's fake, moved by the tests.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MailboxGrainTests(GrainCluster cluster)
{
    private static readonly TimeSpan _grace = new EmailDeliveryOptions().GracePeriod;
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task TenRepliesWithinTheGracePeriod_AreOneEmail()
    {
        var person = NewPerson();
        for (var i = 0; i < 10; i++)
        {
            await person.Inbox.Deliver([Reply($"reply-{i}")]);
            await WaitingFor(person, i + 1);
            cluster.Clock.Advance(TimeSpan.FromSeconds(6));
        }

        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);

        var email = Assert.Single(cluster.Emails.SentTo(person.Address));
        Assert.Equal("10 notifications", email.Subject);
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"Reply reply-{i}", email.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OneNotification_IsNotSentBeforeTheGracePeriodEnds_AndIsNamedByItsTitle()
    {
        var person = NewPerson();
        await person.Inbox.Deliver([Reply("only")]);
        await WaitingFor(person, 1);

        cluster.Clock.Advance(_grace - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await person.Mailbox.Waiting());
        Assert.Empty(cluster.Emails.SentTo(person.Address));

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await WaitingFor(person, 0);
        Assert.Equal("Reply only", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task ReadInATabMeanwhile_IsLeftOut_AndWhenAllWereReadNothingIsSent()
    {
        var person = NewPerson();
        var added = (await person.Inbox.Deliver([Reply("read-1"), Reply("kept"), Reply("read-2")])).Added;
        await WaitingFor(person, 3);
        await person.Inbox.MarkRead(added.Single(e => e.Notification.EventId == "read-1").Id);
        await person.Inbox.MarkRead(added.Single(e => e.Notification.EventId == "read-2").Id);

        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);
        Assert.Equal("Reply kept", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);

        await person.Inbox.Deliver([Reply("later")]);
        await WaitingFor(person, 1);
        await person.Inbox.MarkAllRead();
        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);
        Assert.Single(cluster.Emails.SentTo(person.Address));
    }

    [Fact]
    public async Task Never_SendsNoEmail_ButTheInboxKeepsTheNotification()
    {
        var person = NewPerson();
        await person.Mailbox.SetDelivery(NotificationKind.ReplyToMyComment, EmailDelivery.Never);

        var delivered = await person.Inbox.Deliver([Reply("quiet"), Mention("loud")]);
        await WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);

        Assert.Equal(2, delivered.Unread);
        Assert.Equal("Mentioned in loud", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task HourlyDigest_WaitsAnHourFromTheFirst_AndCollectsWhatArrivedMeanwhile()
    {
        var person = NewPerson();
        await person.Mailbox.SetDelivery(NotificationKind.ReplyToMyComment, EmailDelivery.Hourly);
        await person.Inbox.Deliver([Reply("first")]);
        await WaitingFor(person, 1);

        cluster.Clock.Advance(TimeSpan.FromMinutes(30));
        await person.Inbox.Deliver([Reply("second")]);
        await WaitingFor(person, 2);
        cluster.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(2, await person.Mailbox.Waiting());
        Assert.Empty(cluster.Emails.SentTo(person.Address));

        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitingFor(person, 0);
        Assert.Equal("2 notifications", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task DailyDigest_SurvivesTheMailboxGoing_AndItsReminderSendsIt()
    {
        var person = NewPerson();
        await person.Mailbox.SetDelivery(NotificationKind.ReplyToMyComment, EmailDelivery.Daily);
        await person.Inbox.Deliver([Reply("kept-over-restart")]);
        await WaitingFor(person, 1);

        await cluster.Deactivate(person.Mailbox);
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        // What the reminder service does after a restart: wake the mailbox, which finds its stored rows due.
        await person.Mailbox.AsReference<IRemindable>().ReceiveReminder("email", default);

        await WaitingFor(person, 0);
        Assert.Equal("Reply kept-over-restart", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
    }

    [Fact]
    public async Task AfterTheMailboxGoes_AnEmailAlreadySentIsNotSentAgain_WhileADigestStillWaitingIs()
    {
        var person = NewPerson();
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Daily);
        await person.Inbox.Deliver([Mention("for-the-digest")]);
        await person.Inbox.Deliver([Reply("sent-at-once")]);
        await WaitingFor(person, 2);
        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 1);
        Assert.Equal("Reply sent-at-once", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);

        // Nothing waiting is written per notification: the woken mailbox asks the inbox what is still owed.
        await cluster.Deactivate(person.Mailbox);
        cluster.Clock.Advance(TimeSpan.FromDays(1));
        await person.Mailbox.AsReference<IRemindable>().ReceiveReminder("email", default);

        await WaitingFor(person, 0);
        var emails = cluster.Emails.SentTo(person.Address);
        Assert.Equal(["Reply sent-at-once", "Mentioned in for-the-digest"], emails.Select(e => e.Subject));
    }

    [Fact]
    public async Task AWaitingRowOfAnEarlierBuild_IsStillSent_AndRemovedOnceSent()
    {
        var person = NewPerson();
        var earlier = Reply("from-an-earlier-build");
        var id = InboxEntryId.Of(earlier);
        var row = new TableEntity(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "p-" + id))
        {
            ["Delivery"] = "Immediately",
            ["Queued"] = cluster.Clock.GetUtcNow(),
        };
        await Mailboxes().AddEntityAsync(row.WithNotification(earlier));
        await Mailboxes().UpsertEntityAsync(new TableEntity(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "settings")) { ["Waiting"] = true });
        await person.Inbox.Deliver([earlier]);

        cluster.Clock.Advance(_grace);
        await person.Mailbox.AsReference<IRemindable>().ReceiveReminder("email", default);

        await WaitingFor(person, 0);
        Assert.Equal("Reply from-an-earlier-build", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
        await Eventually.Until(
            async () => (await Mailboxes().GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey)).HasValue,
            present => !present,
            _wait,
            "the earlier build's waiting row removed");
    }

    [Fact]
    public async Task FailedSends_AreTriedAgainAfterWaitsThatDouble_ThenSentOnce_AndTheInboxKeepsItsEntry()
    {
        var person = NewPerson();
        cluster.Emails.FailNext(person.Address, 2);
        await person.Inbox.Deliver([Reply("retried")]);
        await WaitingFor(person, 1);

        cluster.Clock.Advance(_grace);
        await Attempts(person, 1);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await Attempts(person, 2);
        cluster.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await person.Mailbox.Waiting());
        Assert.Equal(2, cluster.Emails.Attempts(person.Address));

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await WaitingFor(person, 0);
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await person.Mailbox.Waiting());

        Assert.Equal(3, cluster.Emails.Attempts(person.Address));
        Assert.Single(cluster.Emails.SentTo(person.Address));
        Assert.Equal(1, await person.Inbox.Unread());
    }

    [Fact]
    public async Task AllConnectionsBusy_IsTriedAgainWithinSeconds_NotCountedAsAFailure()
    {
        var person = NewPerson();
        cluster.Emails.BusyNext(person.Address, 2);
        await person.Inbox.Deliver([Reply("busy")]);
        await WaitingFor(person, 1);

        cluster.Clock.Advance(_grace);
        await Attempts(person, 1);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        await Attempts(person, 2);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        await WaitingFor(person, 0);

        // A failure after that is the first failure: tried again after RetryFirst (1 min), not after a doubled wait.
        cluster.Emails.FailNext(person.Address, 1);
        await person.Inbox.Deliver([Reply("then-failed")]);
        await WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await Attempts(person, 4);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitingFor(person, 0);

        Assert.Equal(5, cluster.Emails.Attempts(person.Address));
        Assert.Equal(2, cluster.Emails.SentTo(person.Address).Count);
    }

    [Fact]
    public async Task ToldAgainAfterItWasSent_AsWhenTheInboxsCallArrivesLate_IsNotSentTwice()
    {
        var person = NewPerson();
        var delivered = await person.Inbox.Deliver([Reply("told-late")]);
        var version = (await person.Inbox.Page(null, 1)).Version;
        await WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);

        // The same delivery told once more (a one-way call that arrived after a wake had sent it), in one call with a
        // mention whose kind goes hourly: once the mention waits, the call has been handled.
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Hourly);
        var mention = Mention("then-a-mention");
        await person.Mailbox.Enqueue([.. delivered.Added, new InboxEntry(InboxEntryId.Of(mention), mention, Read: false)], version);
        await Eventually.Until(person.Mailbox.Waiting, n => n > 0, _wait, "the mention waiting");

        Assert.Equal(1, await person.Mailbox.Waiting());
        Assert.Single(cluster.Emails.SentTo(person.Address));
    }

    [Fact]
    public async Task RefusedForGood_IsNotTriedAgain()
    {
        var person = NewPerson();
        cluster.Emails.FailNext(person.Address, 1, permanent: true);
        await person.Inbox.Deliver([Reply("refused")]);
        await WaitingFor(person, 1);

        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);
        cluster.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, cluster.Emails.Attempts(person.Address));
        Assert.Empty(cluster.Emails.SentTo(person.Address));
    }

    [Fact]
    public async Task TheEmail_HasBothPartsWithWhatPeopleWroteAsText_AbsoluteLinks_AndOneClickUnsubscribe()
    {
        var person = NewPerson();
        var hostile = new Notification(
            "hostile", NotificationKind.ReplyToMyComment, "Reply from <img src=x onerror=alert(1)>", "<script>alert(2)</script>\nsecond line",
            "/articles/some-story#comment-7", new NotificationActor("guest:" + new string('a', 64), "<b>Bold</b> & \"quoted\""), cluster.Clock.GetUtcNow());
        await person.Inbox.Deliver([hostile]);
        await WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);

        var email = Assert.Single(cluster.Emails.SentTo(person.Address));
        Assert.Equal("Reply from <img src=x onerror=alert(1)>", email.Subject);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(2)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("<script>alert(2)</script>", email.Text, StringComparison.Ordinal);
        Assert.Contains("https://news.example.org/articles/some-story#comment-7", email.Html, StringComparison.Ordinal);
        Assert.Contains("https://news.example.org/articles/some-story#comment-7", email.Text, StringComparison.Ordinal);
        Assert.Contains("https://news.example.org/notifications/settings", email.Text, StringComparison.Ordinal);
        var unsubscribe = $"https://news.example.org/notifications/unsubscribe?inbox={Uri.EscapeDataString(person.Key)}&kinds=ReplyToMyComment";
        Assert.Equal($"<{unsubscribe}>", email.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preferences_AreStored_EveryKindIsListed_AndBadValuesAreRefused()
    {
        var person = NewPerson();
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Daily);
        await cluster.Deactivate(person.Mailbox);

        var preferences = await person.Mailbox.Preferences();
        Assert.Equal(Enum.GetValues<NotificationKind>().Length, preferences.Delivery.Count);
        Assert.Equal(EmailDelivery.Daily, preferences.For(NotificationKind.Mentioned));
        Assert.Equal(EmailDelivery.Immediately, preferences.For(NotificationKind.DraftAssigned));
        Assert.Equal(person.Address, preferences.Address);
        await Assert.ThrowsAsync<MailboxException>(() => person.Mailbox.SetDelivery(NotificationKind.Mentioned, (EmailDelivery)9));
        await Assert.ThrowsAsync<MailboxException>(() => person.Mailbox.SetDelivery((NotificationKind)99, EmailDelivery.Never));
        Assert.Equal(EmailDelivery.Daily, (await person.Mailbox.Preferences()).For(NotificationKind.Mentioned));
    }

    [Fact]
    public async Task Unsubscribe_SetsTheKindsToNever_AndTheSameNonceWorksOnce()
    {
        var person = NewPerson();
        var nonce = Guid.NewGuid().ToString("n");

        Assert.False(await person.Mailbox.UnsubscribeUsed(nonce));
        var first = await person.Mailbox.Unsubscribe([NotificationKind.ReplyToMyComment, NotificationKind.Mentioned], nonce);
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Hourly);
        var again = await person.Mailbox.Unsubscribe([NotificationKind.Mentioned], nonce);

        Assert.False(first.AlreadyUsed);
        Assert.True(again.AlreadyUsed);
        Assert.True(await person.Mailbox.UnsubscribeUsed(nonce));
        var preferences = await person.Mailbox.Preferences();
        Assert.Equal(EmailDelivery.Never, preferences.For(NotificationKind.ReplyToMyComment));
        Assert.Equal(EmailDelivery.Hourly, preferences.For(NotificationKind.Mentioned));
        await Assert.ThrowsAsync<MailboxException>(() => person.Mailbox.Unsubscribe([NotificationKind.Mentioned], "not-a-nonce"));
    }

    [Fact]
    public async Task AGuestsAddress_IsSetByTheConfirmFlow_AndOnlyAWellFormedOne()
    {
        var guest = cluster.Client.GetGrain<IMailboxGrain>(InboxKey.Guest(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0')));
        var staff = NewPerson();

        Assert.Null((await guest.Preferences()).Address);
        await Assert.ThrowsAsync<MailboxException>(() => guest.SetAddress("not an address", "Reader"));
        await Assert.ThrowsAsync<MailboxException>(() => guest.SetAddress("reader@example.org", "Two\nlines"));
        await Assert.ThrowsAsync<MailboxException>(() => staff.Mailbox.SetAddress("reader@example.org", "Reader"));
        await guest.SetAddress("reader@example.org", "Reader");

        Assert.Equal("reader@example.org", (await guest.Preferences()).Address);
    }

    [Fact]
    public async Task TheWaitingMark_IsSetWithTheFirstWaitingRow_KeptBySettings_AndClearedOnceSent_SoAnIdleMailboxWakesOnItsSettingsAlone()
    {
        var person = NewPerson();
        Assert.Null(await WaitingMark(person));

        await person.Inbox.Deliver([Reply("marked")]);
        await WaitingFor(person, 1);
        Assert.True(await WaitingMark(person));
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Hourly);
        Assert.True(await WaitingMark(person));

        cluster.Clock.Advance(_grace);
        await WaitingFor(person, 0);
        await Eventually.Until(() => WaitingMark(person), mark => mark == false, _wait, $"{person.Key}'s mailbox marked as holding nothing");
        Assert.Equal("Reply marked", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
        Assert.Equal(EmailDelivery.Hourly, (await person.Mailbox.Preferences()).Delivery[NotificationKind.Mentioned]);

        // Unmarked, a woken mailbox reads its settings row only: a stray waiting row is not even looked at.
        var table = Mailboxes();
        var stray = new TableEntity(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "p-stray")) { ["Delivery"] = "Immediately" };
        await table.AddEntityAsync(stray.WithNotification(Reply("stray")));
        await cluster.Deactivate(person.Mailbox);
        Assert.Equal(0, await person.Mailbox.Waiting());
    }

    private TableClient Mailboxes() => new(cluster.Storage.Azurite.ConnectionString, "mailboxes");

    private async Task<bool?> WaitingMark(Person person)
    {
        var row = await Mailboxes().GetEntityIfExistsAsync<TableEntity>(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "settings"));
        return row.HasValue ? row.Value!.GetBoolean("Waiting") : null;
    }

    private async Task WaitingFor(Person person, int count) =>
        await Eventually.Until(person.Mailbox.Waiting, n => n == count, _wait, $"{count} notifications waiting in {person.Key}'s mailbox");

    private async Task Attempts(Person person, int count) =>
        await Eventually.Until(() => Task.FromResult(cluster.Emails.Attempts(person.Address)), n => n == count, _wait, $"{count} tries to email {person.Address}");

    private Person NewPerson()
    {
        var userName = "u" + Guid.NewGuid().ToString("n")[..12];
        var key = InboxKey.Staff(userName);
        return new Person(key, TestStaffAddresses.Of(userName), cluster.Client.GetGrain<IInboxGrain>(key), cluster.Client.GetGrain<IMailboxGrain>(key));
    }

    private Notification Reply(string eventId) =>
        new(eventId, NotificationKind.ReplyToMyComment, $"Reply {eventId}", "A reply", "/articles/story", new NotificationActor("staff:rosa", "Rosa"), cluster.Clock.GetUtcNow());

    private Notification Mention(string eventId) =>
        new(eventId, NotificationKind.Mentioned, $"Mentioned in {eventId}", "", "/desk", new NotificationActor("staff:rosa", "Rosa"), cluster.Clock.GetUtcNow());

    private sealed record Person(string Key, string Address, IInboxGrain Inbox, IMailboxGrain Mailbox);
}
