using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// See <see cref="IMailboxWakeGrain"/>. At each tick it asks storage which mailboxes of its partition are marked waiting
/// (<see cref="IMailboxStore.WaitingInAsync"/>) and wakes each; when none is, it drops its reminder until the next
/// <see cref="Watch"/>. A mailbox marks waiting before it calls Watch, and this grain takes one call at a time, so a
/// tick that found nobody and dropped the reminder is always followed by the Watch that brings it back.
/// </summary>
public sealed partial class MailboxWakeGrain(IMailboxStore store, IOptions<EmailDeliveryOptions> options, ILogger<MailboxWakeGrain> logger)
    : Grain, IMailboxWakeGrain, IRemindable
{
    private const string ReminderName = "wake";

    // Null until known: an earlier activation may have left the reminder.
    private bool? _reminderOn;

    private string Partition => this.GetPrimaryKeyString();

    public async Task Watch()
    {
        if (_reminderOn == true)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, options.Value.WakePeriod, options.Value.WakePeriod);
            _reminderOn = true;
        }
        catch (Exception e)
        {
            // The mailboxes' timers still send while they are active; the next Watch tries again.
            LogWatchFailed(logger, e, Partition);
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminderOn = true;
        var waiting = await store.WaitingInAsync(Partition);
        if (waiting.Count == 0)
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminderOn = false;
            return;
        }

        // Each wakes on its own; one that fails is woken again at the next tick, its mark still set.
        await Task.WhenAll(waiting.Select(async mailbox =>
        {
            try
            {
                await GrainFactory.GetGrain<IMailboxGrain>(mailbox).Wake();
            }
            catch (Exception e)
            {
                LogWakeFailed(logger, e, Partition, mailbox);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: its mailboxes' wake reminder could not be set; they send while active")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partition {Partition}: mailbox {Mailbox} could not be woken; the next tick tries again")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, string partition, string mailbox);
}
