using Microsoft.Extensions.Logging;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>The inbox's side of email: it hands each newly stored notification to the owner's mailbox, and answers which are still unread.</summary>
public sealed partial class InboxGrain
{
    public async Task<IReadOnlyList<string>> StillUnread(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count > NotificationLimits.KeptPerInbox)
        {
            throw new InboxException($"Ask about at most {NotificationLimits.KeptPerInbox} notifications at once; got {ids.Count}.");
        }

        await EnsureLoaded();
        return [.. ids.Where(id => id is not null && _entries.TryGetValue(id, out var entry) && !entry.Read).Distinct(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<DeliveredEntry>> UnreadSince(long afterVersion)
    {
        await EnsureLoaded();
        return [.. _entries.Values.Where(e => !e.Read && _deliveredAt.GetValueOrDefault(e.Id) > afterVersion).Select(e => new DeliveredEntry(e, _deliveredAt[e.Id]))];
    }

    /// <summary>One-way and after the write: email never slows or fails a delivery.</summary>
    private void TellMailbox(IReadOnlyList<InboxEntry> added, long version)
    {
        try
        {
            _ = GrainFactory.GetGrain<IMailboxGrain>(Key).Enqueue(added, version);
        }
        catch (Exception e)
        {
            LogMailboxNotTold(_logger, e, Key, added.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox {Inbox} could not hand {Count} notifications to its mailbox; they stay in the inbox only")]
    private static partial void LogMailboxNotTold(ILogger logger, Exception exception, string inbox, int count);
}
