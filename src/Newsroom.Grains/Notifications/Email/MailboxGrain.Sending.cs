using Microsoft.Extensions.Logging;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Telemetry;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// Sending: each delivery's waiting notifications fall due a fixed time after the first of them arrived (the grace
/// period, an hour, a day), so whatever arrives meanwhile joins the same email. When due, the ones read meanwhile in
/// any tab are dropped and the rest go in one email. A failed send is tried again after a wait that doubles.
/// </summary>
public sealed partial class MailboxGrain
{
    private IGrainTimer? _timer;

    // Whether this activation told the partition's wake-up that it waits (IMailboxWakeGrain.Watch).
    private bool _watched;

    // Every connection of this silo to the mail server was in use at the last try: not before then (in memory only).
    private DateTimeOffset _busyUntil = DateTimeOffset.MinValue;

    public Task Wake()
    {
        // Woken by its partition's tick: the partition keeps its reminder while this mailbox stays marked.
        _watched = true;
        return SendDue();
    }

    // A reminder fires here only if an earlier build left it, when each mailbox kept its own: it sends what is due,
    // as it did, and goes.
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await SendDue();
        try
        {
            if (await this.GetReminder(reminderName) is { } earlier)
            {
                await this.UnregisterReminder(earlier);
            }
        }
        catch (Exception e)
        {
            // It fires again, and is removed then.
            LogEarlierReminderFailed(_logger, e, Key);
        }
    }

    /// <summary>Sends what is due now, then sets the timer (and the partition's wake-up) for what is due next.</summary>
    private async Task SendDue()
    {
        try
        {
            await EnsureLoaded();
            await SendDueNow();
        }
        catch (Exception e)
        {
            // Storage or the inbox failed: nothing was sent, the rows stay, and the next wake tries again.
            LogSendDueFailed(_logger, e, Key);
            _loaded = false;
        }

        if (_loaded)
        {
            await Schedule();
        }
    }

    private async Task SendDueNow()
    {
        var now = _clock.GetUtcNow();
        if ((_retry is { } retry && retry.At > now) || _busyUntil > now)
        {
            return;
        }

        var due = _pending.Values.Where(p => DueAt(p.Delivery) <= now).ToList();
        if (due.Count == 0)
        {
            await SaveRetry(null);
            return;
        }

        // Read meanwhile (in any tab), or a kind turned to Never since: no email for it.
        var unread = (await GrainFactory.GetGrain<IInboxGrain>(Key).StillUnread([.. due.Select(p => p.Entry.Id)])).ToHashSet(StringComparer.Ordinal);
        var send = due.Where(p => unread.Contains(p.Entry.Id) && _settings.For(p.Entry.Notification.Kind) != EmailDelivery.Never).ToList();
        var to = Recipient();
        if (send.Count > 0 && to is null)
        {
            LogNoAddress(_logger, Key, send.Count);
            send.Clear();
        }

        if (send.Count > 0)
        {
            var entries = send.Select(p => p.Entry).ToList();
            var kinds = entries.Select(e => e.Notification.Kind).Distinct().Order().ToList();
            var message = NotificationEmail.Compose(to!, entries, _options.Site, _links.For(Key, kinds), withSettings: Key.StartsWith(InboxKey.StaffPrefix, StringComparison.Ordinal));
            try
            {
                await _sender.SendAsync(message);
                NewsroomMetrics.EmailsSent.Add(1);
                LogSent(_logger, Key, entries.Count);
            }
            catch (EmailDeliveryException busy) when (busy.Busy)
            {
                // A story's thousands of followers fall due together: this one waits its turn, a few seconds, unordered.
                _busyUntil = now + TimeSpan.FromMilliseconds(Random.Shared.Next(2_000, 10_000));
                LogBusy(_logger, Key, entries.Count);
                return;
            }
            catch (EmailDeliveryException failed) when (!failed.Permanent)
            {
                var failures = (_retry?.Failures ?? 0) + 1;
                var wait = TimeSpan.FromTicks(Math.Min(_options.RetryMax.Ticks, _options.RetryFirst.Ticks * (1L << Math.Min(failures - 1, 30))));
                LogSendFailed(_logger, failed, Key, entries.Count, failures, wait);
                await SaveRetry(new EmailRetry(failures, now + wait));
                return;
            }
            catch (EmailDeliveryException refused)
            {
                // Refused for good (an unknown mailbox): trying again would only be refused again.
                LogRefused(_logger, refused, Key, entries.Count);
            }
        }

        // Gone from memory first: whatever storage does next, this activation never sends them twice.
        foreach (var pending in due)
        {
            _pending.Remove(pending.Entry.Id);
        }

        await SaveRetry(null);

        // A delivery's waiting notifications all fall due together, so every one of its kinds told of so far is settled.
        foreach (var delivery in due.Select(p => p.Delivery).Distinct())
        {
            _settled[delivery] = _told;
        }

        await _store.SettleAsync(Key, _settled);
        var earlier = due.Where(p => _earlierRows.Remove(p.Entry.Id)).Select(p => p.Entry.Id).ToList();
        if (earlier.Count > 0)
        {
            await _store.RemovePendingAsync(Key, earlier);
        }
    }

    private DateTimeOffset DueAt(EmailDelivery delivery)
    {
        var first = _pending.Values.Where(p => p.Delivery == delivery).Min(p => (DateTimeOffset?)p.Queued) ?? DateTimeOffset.MaxValue;
        var wait = delivery switch
        {
            EmailDelivery.Immediately => _options.GracePeriod,
            EmailDelivery.Hourly => _options.HourlyDigest,
            EmailDelivery.Daily => _options.DailyDigest,
            _ => TimeSpan.Zero,
        };
        return first == DateTimeOffset.MaxValue ? first : first + wait;
    }

    private async Task SaveRetry(EmailRetry? retry)
    {
        if (retry != _retry)
        {
            await _store.SaveRetryAsync(Key, retry);
            _retry = retry;
        }
    }

    /// <summary>
    /// The timer for the next due time (or retry), while this activation lives; while anything waits, the partition's
    /// wake-up (<see cref="IMailboxWakeGrain"/>) for after a restart or a deactivation, which finds this mailbox by its
    /// waiting mark, cleared once nothing waits.
    /// </summary>
    private async Task Schedule()
    {
        _timer?.Dispose();
        _timer = null;
        DateTimeOffset? next = _pending.Count == 0 ? null
            : _retry?.At ?? Enum.GetValues<EmailDelivery>().Min(DueAt);
        if (next < _busyUntil)
        {
            next = _busyUntil;
        }

        if (next is { } at)
        {
            var wait = at - _clock.GetUtcNow();
            _timer = this.RegisterGrainTimer(SendDue, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
            await Watched();
        }
        else if (_waiting)
        {
            try
            {
                await _store.ClearWaitingAsync(Key);
                _waiting = false;

                // The partition may drop its reminder now that nobody waits: the next mark tells it again.
                _watched = false;
            }
            catch (Exception e)
            {
                // Left marked, the next activation reads its (empty) rows once more: slower, never wrong.
                LogClearWaitingFailed(_logger, e, Key);
            }
        }
    }

    private async Task Watched()
    {
        if (_watched || !_waiting)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IMailboxWakeGrain>(PersonRows.Partition(Key)).Watch();
            _watched = true;
        }
        catch (Exception e)
        {
            // The timer still sends while this activation lives; only a restart before then would wait for the next mark.
            LogWatchFailed(_logger, e, Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} sent an email with {Count} notifications")]
    private static partial void LogSent(ILogger logger, string mailbox, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not send {Count} notifications (failure {Failures} in a row); trying again in {Wait}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string mailbox, int count, int failures, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mailbox {Mailbox} waits for a free connection to the mail server to send {Count} notifications")]
    private static partial void LogBusy(ILogger logger, string mailbox, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The mail server refused mailbox {Mailbox}'s email with {Count} notifications for good; they stay in the inbox only")]
    private static partial void LogRefused(ILogger logger, Exception exception, string mailbox, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mailbox {Mailbox} has no address; {Count} notifications stay in the inbox only")]
    private static partial void LogNoAddress(ILogger logger, string mailbox, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not send what is due; it tries again at its next wake")]
    private static partial void LogSendDueFailed(ILogger logger, Exception exception, string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not mark itself as holding nothing to send")]
    private static partial void LogClearWaitingFailed(ILogger logger, Exception exception, string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not tell its partition's wake-up that email waits; its timer still sends while it is active")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not remove the reminder an earlier build set; it is removed when it fires again")]
    private static partial void LogEarlierReminderFailed(ILogger logger, Exception exception, string mailbox);
}
