using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Tests.Cluster;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// A person's email settings: preferences per kind stored and checked, unsubscribe links that work once, and a guest's
/// address set only by the confirm flow.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MailboxPreferencesTests(GrainCluster cluster)
{
    private readonly MailboxPeople _people = new(cluster);

    [Fact]
    public async Task Preferences_AreStored_EveryKindIsListed_AndBadValuesAreRefused()
    {
        var person = _people.New();
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
        var person = _people.New();
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
        var staff = _people.New();

        Assert.Null((await guest.Preferences()).Address);
        await Assert.ThrowsAsync<MailboxException>(() => guest.SetAddress("not an address", "Reader"));
        await Assert.ThrowsAsync<MailboxException>(() => guest.SetAddress("reader@example.org", "Two\nlines"));
        await Assert.ThrowsAsync<MailboxException>(() => staff.Mailbox.SetAddress("reader@example.org", "Reader"));
        await guest.SetAddress("reader@example.org", "Reader");

        Assert.Equal("reader@example.org", (await guest.Preferences()).Address);
    }
}
