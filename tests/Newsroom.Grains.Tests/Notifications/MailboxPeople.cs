using Azure.Data.Tables;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// People with an inbox and a mailbox in the shared test cluster, what they are told, and how a test waits on their
/// mailboxes: shared by the mailbox tests.
/// </summary>
internal sealed class MailboxPeople(GrainCluster cluster)
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    public TableClient Mailboxes() => new(cluster.Storage.Azurite.ConnectionString, "mailboxes");

    public async Task<bool?> WaitingMark(MailboxPerson person)
    {
        var row = await Mailboxes().GetEntityIfExistsAsync<TableEntity>(PersonRows.Partition(person.Key), PersonRows.Row(person.Key, "settings"));
        return row.HasValue ? row.Value!.GetBoolean("Waiting") : null;
    }

    public async Task WaitingFor(MailboxPerson person, int count) =>
        await Eventually.Until(person.Mailbox.Waiting, n => n == count, Wait, $"{count} notifications waiting in {person.Key}'s mailbox");

    public async Task Attempts(MailboxPerson person, int count) =>
        await Eventually.Until(() => Task.FromResult(cluster.Emails.Attempts(person.Address)), n => n == count, Wait, $"{count} tries to email {person.Address}");

    /// <summary>What the reminder service does at the person's partition's tick (as after a restart): wakes its mailboxes marked waiting.</summary>
    public Task WakePartitionOf(MailboxPerson person) =>
        cluster.Client.GetGrain<IMailboxWakeGrain>(PersonRows.Partition(person.Key)).AsReference<IRemindable>().ReceiveReminder("wake", default);

    public MailboxPerson New()
    {
        var userName = "u" + Guid.NewGuid().ToString("n")[..12];
        var key = InboxKey.Staff(userName);
        return new MailboxPerson(key, TestStaffAddresses.Of(userName), cluster.Client.GetGrain<IInboxGrain>(key), cluster.Client.GetGrain<IMailboxGrain>(key));
    }

    public Notification Reply(string eventId) =>
        new(eventId, NotificationKind.ReplyToMyComment, $"Reply {eventId}", "A reply", "/articles/story", new NotificationActor("staff:rosa", "Rosa"), cluster.Clock.GetUtcNow());

    public Notification Mention(string eventId) =>
        new(eventId, NotificationKind.Mentioned, $"Mentioned in {eventId}", "", "/desk", new NotificationActor("staff:rosa", "Rosa"), cluster.Clock.GetUtcNow());
}

internal sealed record MailboxPerson(string Key, string Address, IInboxGrain Inbox, IMailboxGrain Mailbox);
