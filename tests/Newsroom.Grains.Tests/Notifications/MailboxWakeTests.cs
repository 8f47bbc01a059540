using Azure.Data.Tables;
using Newsroom.Grains.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// The partitions' wake-ups: one Orleans reminder per <see cref="PersonRows"/> partition while any of its mailboxes has
/// email waiting, and none per mailbox (a fan-out to thousands would write thousands); a tick wakes the mailboxes marked
/// waiting (MailboxGrainTests: a digest survives its mailbox going) and drops the reminder once none is. A reminder an
/// earlier build kept per mailbox still sends what is due, and is then removed.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MailboxWakeTests(GrainCluster cluster)
{
    private const string WakeReminder = "wake";
    private const string EarlierReminder = "email";

    private static readonly TimeSpan _grace = new EmailDeliveryOptions().GracePeriod;

    private readonly MailboxPeople _people = new(cluster);

    private IReminderTable Reminders => cluster.SiloService<IReminderTable>();

    [Fact]
    public async Task AWaitingMailbox_KeepsItsPartitionsReminder_NotOneOfItsOwn_UntilATickFindsNoneWaiting_AndBringsItBackWhenItWaitsAgain()
    {
        var person = await NewInQuietPartition();
        var wake = cluster.Client.GetGrain<IMailboxWakeGrain>(PersonRows.Partition(person.Key)).GetGrainId();

        await person.Inbox.Deliver([_people.Reply("wakes-the-partition")]);
        await _people.WaitingFor(person, 1);
        await Eventually.Until(() => Reminders.ReadRow(wake, WakeReminder), r => r is not null, MailboxPeople.Wait, "the partition's reminder");
        Assert.Null(await Reminders.ReadRow(person.Mailbox.GetGrainId(), EarlierReminder));

        // A tick while the mailbox waits keeps the reminder.
        await _people.WakePartitionOf(person);
        Assert.NotNull(await Reminders.ReadRow(wake, WakeReminder));

        cluster.Clock.Advance(_grace);
        await _people.WaitingFor(person, 0);
        await Eventually.Until(() => _people.WaitingMark(person), mark => mark == false, MailboxPeople.Wait, "the waiting mark cleared");
        await _people.WakePartitionOf(person);

        Assert.Null(await Reminders.ReadRow(wake, WakeReminder));
        Assert.Equal("Reply wakes-the-partition", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);

        // The same activation waits again: it tells the partition again.
        await person.Inbox.Deliver([_people.Reply("wakes-it-again")]);
        await _people.WaitingFor(person, 1);
        await Eventually.Until(() => Reminders.ReadRow(wake, WakeReminder), r => r is not null, MailboxPeople.Wait, "the partition's reminder again");
    }

    [Fact]
    public async Task AReminderAnEarlierBuildKeptPerMailbox_StillSendsWhatIsDue_AndIsThenRemoved()
    {
        var person = _people.New();
        var mailbox = person.Mailbox.GetGrainId();
        await Reminders.UpsertRow(new ReminderEntry
        {
            GrainId = mailbox,
            ReminderName = EarlierReminder,
            StartAt = cluster.Clock.GetUtcNow().UtcDateTime,
            Period = TimeSpan.FromMinutes(5),
        });
        await person.Inbox.Deliver([_people.Reply("earlier-reminder")]);
        await _people.WaitingFor(person, 1);
        await cluster.Deactivate(person.Mailbox);
        cluster.Clock.Advance(_grace);

        await person.Mailbox.AsReference<IRemindable>().ReceiveReminder(EarlierReminder, default);

        await _people.WaitingFor(person, 0);
        Assert.Equal("Reply earlier-reminder", Assert.Single(cluster.Emails.SentTo(person.Address)).Subject);
        Assert.Null(await Reminders.ReadRow(mailbox, EarlierReminder));
    }

    // Other tests' digests may wait in other partitions, and their wake-ups keep reminders there.
    private async Task<MailboxPerson> NewInQuietPartition()
    {
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _people.Mailboxes().QueryAsync<TableEntity>("Waiting eq true", select: ["PartitionKey"]))
        {
            waiting.Add(row.PartitionKey);
        }

        while (true)
        {
            var person = _people.New();
            var partition = PersonRows.Partition(person.Key);
            var wake = cluster.Client.GetGrain<IMailboxWakeGrain>(partition).GetGrainId();
            if (!waiting.Contains(partition) && await Reminders.ReadRow(wake, WakeReminder) is null)
            {
                return person;
            }
        }
    }
}
