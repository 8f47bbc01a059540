using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// How an email is sent: a failed send is tried again later and nothing is sent twice, a busy mail server is tried again
/// within seconds, a refusal for good is not tried again, and the email itself is safe, in two parts, with absolute links
/// and a one-click unsubscribe.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MailboxSendingTests(GrainCluster cluster)
{
    private static readonly TimeSpan _grace = new EmailDeliveryOptions().GracePeriod;

    private readonly MailboxPeople _people = new(cluster);

    [Fact]
    public async Task FailedSends_AreTriedAgainAfterWaitsThatDouble_ThenSentOnce_AndTheInboxKeepsItsEntry()
    {
        var person = _people.New();
        cluster.Emails.FailNext(person.Address, 2);
        await person.Inbox.Deliver([_people.Reply("retried")]);
        await _people.WaitingFor(person, 1);

        cluster.Clock.Advance(_grace);
        await _people.Attempts(person, 1);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await _people.Attempts(person, 2);
        cluster.Clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(1, await person.Mailbox.Waiting());
        Assert.Equal(2, cluster.Emails.Attempts(person.Address));

        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        await _people.WaitingFor(person, 0);
        cluster.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await person.Mailbox.Waiting());

        Assert.Equal(3, cluster.Emails.Attempts(person.Address));
        Assert.Single(cluster.Emails.SentTo(person.Address));
        Assert.Equal(1, await person.Inbox.Unread());
    }

    [Fact]
    public async Task AllConnectionsBusy_IsTriedAgainWithinSeconds_NotCountedAsAFailure()
    {
        var person = _people.New();
        cluster.Emails.BusyNext(person.Address, 2);
        await person.Inbox.Deliver([_people.Reply("busy")]);
        await _people.WaitingFor(person, 1);

        cluster.Clock.Advance(_grace);
        await _people.Attempts(person, 1);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        await _people.Attempts(person, 2);
        cluster.Clock.Advance(TimeSpan.FromSeconds(10));
        await _people.WaitingFor(person, 0);

        // A failure after that is the first failure: tried again after RetryFirst (1 min), not after a doubled wait.
        cluster.Emails.FailNext(person.Address, 1);
        await person.Inbox.Deliver([_people.Reply("then-failed")]);
        await _people.WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await _people.Attempts(person, 4);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        await _people.WaitingFor(person, 0);

        Assert.Equal(5, cluster.Emails.Attempts(person.Address));
        Assert.Equal(2, cluster.Emails.SentTo(person.Address).Count);
    }

    [Fact]
    public async Task ToldAgainAfterItWasSent_AsWhenTheInboxsCallArrivesLate_IsNotSentTwice()
    {
        var person = _people.New();
        var delivered = await person.Inbox.Deliver([_people.Reply("told-late")]);
        var version = (await person.Inbox.Page(null, 1)).Version;
        await _people.WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);

        // The same delivery told once more (a one-way call that arrived after a wake had sent it), in one call with a
        // mention whose kind goes hourly: once the mention waits, the call has been handled.
        await person.Mailbox.SetDelivery(NotificationKind.Mentioned, EmailDelivery.Hourly);
        var mention = _people.Mention("then-a-mention");
        await person.Mailbox.Enqueue([.. delivered.Added, new InboxEntry(InboxEntryId.Of(mention), mention, Read: false)], version);
        await Eventually.Until(person.Mailbox.Waiting, n => n > 0, MailboxPeople.Wait, "the mention waiting");

        Assert.Equal(1, await person.Mailbox.Waiting());
        Assert.Single(cluster.Emails.SentTo(person.Address));
    }

    [Fact]
    public async Task RefusedForGood_IsNotTriedAgain()
    {
        var person = _people.New();
        cluster.Emails.FailNext(person.Address, 1, permanent: true);
        await person.Inbox.Deliver([_people.Reply("refused")]);
        await _people.WaitingFor(person, 1);

        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);
        cluster.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(1, cluster.Emails.Attempts(person.Address));
        Assert.Empty(cluster.Emails.SentTo(person.Address));
    }

    [Fact]
    public async Task TheEmail_HasBothPartsWithWhatPeopleWroteAsText_AbsoluteLinks_AndOneClickUnsubscribe()
    {
        var person = _people.New();
        var hostile = new Notification(
            "hostile", NotificationKind.ReplyToMyComment, "Reply from <img src=x onerror=alert(1)>", "<script>alert(2)</script>\nsecond line",
            "/articles/some-story#comment-7", new NotificationActor("guest:" + new string('a', 64), "<b>Bold</b> & \"quoted\""), cluster.Clock.GetUtcNow());
        await person.Inbox.Deliver([hostile]);
        await _people.WaitingFor(person, 1);
        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);

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

}
