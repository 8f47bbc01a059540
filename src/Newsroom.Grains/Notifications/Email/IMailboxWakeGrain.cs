using Orleans.Concurrency;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// The wake-up call of one <see cref="PersonRows"/> partition's mailboxes (key: the partition, <c>h00</c> to <c>hff</c>):
/// one Orleans reminder for every mailbox of the partition with email waiting, where each kept a reminder of its own.
/// A mailbox's grain timer sends on time while it is active; the reminder is for after a restart or a deactivation,
/// when nothing else would wake it. It also spares a fan-out to thousands a reminder write per person (and the read
/// and delete when each is sent): a partition's reminder is written once and stays while any of its mailboxes waits.
/// </summary>
[Alias("newsroom.mailbox-wake")]
public interface IMailboxWakeGrain : IGrainWithStringKey
{
    /// <summary>
    /// A mailbox of this partition has just marked email waiting: the partition's reminder is kept. One-way: a tick
    /// waits on the mailboxes it wakes, so a mailbox waiting on this grain could wait on itself.
    /// </summary>
    [OneWay, Alias("watch")]
    Task Watch();
}
