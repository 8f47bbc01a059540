using Azure;
using Azure.Data.Tables;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// <see cref="IMailboxStore"/> in Azure Table <see cref="TableName"/>: partition = inbox key; row <c>settings</c> (the
/// deliveries that are not Immediately as <c>Kind=Delivery;…</c>, a guest's address and name), row <c>retry</c>, one
/// row <c>p-{inbox entry id}</c> per waiting notification (its parts, the delivery, when it arrived), and one row
/// <c>u-{nonce}</c> per unsubscribe link used.
/// </summary>
internal sealed class TableMailboxStore(TableServiceClient tables) : IMailboxStore
{
    public const string TableName = "mailbox";

    private const string SettingsRow = "settings";
    private const string RetryRow = "retry";
    private const string PendingPrefix = "p-";
    private const string UsedPrefix = "u-";
    private const int RowsPerTransaction = 100;

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<StoredMailbox> LoadAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        var settings = MailboxSettings.Default;
        EmailRetry? retry = null;
        var pending = new List<PendingEmail>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {mailbox} and RowKey lt {UsedPrefix}");
        await foreach (var row in _table.QueryAsync(filter, cancellationToken))
        {
            if (row.RowKey == SettingsRow)
            {
                settings = ReadSettings(row);
            }
            else if (row.RowKey == RetryRow)
            {
                retry = new EmailRetry(row.GetInt32("Failures") ?? 0, row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
            }
            else if (row.RowKey.StartsWith(PendingPrefix, StringComparison.Ordinal))
            {
                pending.Add(ReadPending(row));
            }
        }

        return new StoredMailbox(settings, pending, retry);
    }

    public async Task SaveSettingsAsync(string mailbox, MailboxSettings settings, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        await table.UpsertEntityAsync(SettingsEntity(mailbox, settings), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task AddPendingAsync(string mailbox, IReadOnlyList<PendingEmail> pending, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        foreach (var chunk in pending.Chunk(RowsPerTransaction))
        {
            // Upsert: a notification enqueued again after a failed write lands on its own row, not a conflict.
            await table.SubmitTransactionAsync(
                [.. chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, PendingEntity(mailbox, p)))],
                cancellationToken);
        }
    }

    public async Task RemovePendingAsync(string mailbox, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        foreach (var id in entryIds)
        {
            // One by one: a transaction fails whole when one of its rows is already gone.
            await table.DeleteEntityAsync(mailbox, PendingPrefix + id, ETag.All, cancellationToken);
        }
    }

    public async Task SaveRetryAsync(string mailbox, EmailRetry? retry, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        if (retry is null)
        {
            await table.DeleteEntityAsync(mailbox, RetryRow, ETag.All, cancellationToken);
        }
        else
        {
            var row = new TableEntity(mailbox, RetryRow) { ["Failures"] = retry.Failures, ["At"] = retry.At };
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task<bool> UnsubscribeAsync(string mailbox, MailboxSettings settings, string nonce, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        try
        {
            await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(mailbox, UsedPrefix + nonce)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, SettingsEntity(mailbox, settings)),
                ],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException conflict) when (conflict.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> UnsubscribeUsedAsync(string mailbox, string nonce, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(mailbox, UsedPrefix + nonce, ["RowKey"], cancellationToken);
        return row.HasValue;
    }

    private static TableEntity SettingsEntity(string mailbox, MailboxSettings settings) => new(mailbox, SettingsRow)
    {
        ["Delivery"] = string.Join(';', settings.Delivery.Where(d => d.Value != EmailDelivery.Immediately).Select(d => $"{d.Key}={d.Value}")),
        ["Address"] = settings.Guest?.Address,
        ["DisplayName"] = settings.Guest?.DisplayName,
    };

    private static MailboxSettings ReadSettings(TableEntity row)
    {
        var delivery = new Dictionary<NotificationKind, EmailDelivery>();
        foreach (var pair in (row.GetString("Delivery") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            // A kind or delivery this version does not know (written by a newer one) is left out, not fatal.
            var parts = pair.Split('=');
            if (parts.Length == 2 && Enum.TryParse<NotificationKind>(parts[0], out var kind) && Enum.TryParse<EmailDelivery>(parts[1], out var how))
            {
                delivery[kind] = how;
            }
        }

        var address = row.GetString("Address");
        var guest = string.IsNullOrEmpty(address) ? null : new EmailRecipient(address, row.GetString("DisplayName") ?? "");
        return new MailboxSettings(delivery, guest);
    }

    private static TableEntity PendingEntity(string mailbox, PendingEmail pending)
    {
        var n = pending.Entry.Notification;
        return new TableEntity(mailbox, PendingPrefix + pending.Entry.Id)
        {
            ["Delivery"] = pending.Delivery.ToString(),
            ["Queued"] = pending.Queued,
            ["EventId"] = n.EventId,
            ["Kind"] = n.Kind.ToString(),
            ["Title"] = n.Title,
            ["Excerpt"] = n.Excerpt,
            ["Link"] = n.Link,
            ["ActorId"] = n.Actor.Id,
            ["ActorName"] = n.Actor.DisplayName,
            ["At"] = n.At,
        };
    }

    private static PendingEmail ReadPending(TableEntity row) => new(
        new InboxEntry(
            row.RowKey[PendingPrefix.Length..],
            new Notification(
                row.GetString("EventId") ?? "",
                Enum.Parse<NotificationKind>(row.GetString("Kind") ?? ""),
                row.GetString("Title") ?? "",
                row.GetString("Excerpt") ?? "",
                row.GetString("Link") ?? "",
                new NotificationActor(row.GetString("ActorId") ?? "", row.GetString("ActorName") ?? ""),
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue),
            Read: false),
        Enum.Parse<EmailDelivery>(row.GetString("Delivery") ?? ""),
        row.GetDateTimeOffset("Queued") ?? DateTimeOffset.MinValue);
}
