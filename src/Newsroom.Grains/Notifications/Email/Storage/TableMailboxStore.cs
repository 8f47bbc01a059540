using Azure;
using Azure.Data.Tables;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// <see cref="IMailboxStore"/> in Azure Table <see cref="TableName"/>, laid out by <see cref="PersonRows"/> like the inbox
/// (one of 256 partitions by the inbox key's hash, row keys <c>{inbox}|{row}</c>; the waiting mark is written through
/// <see cref="TableGroupCommit"/>, so thousands of mailboxes told of one comment share transactions): row <c>settings</c>
/// (the deliveries that are not Immediately as <c>Kind=Delivery;…</c>, a guest's address and name, <c>Waiting</c>, set
/// when the first notification waits and cleared once none does, and <c>Settled{Delivery}</c>, the inbox version up to
/// which that delivery's email is settled), row <c>retry</c>, and one row <c>u-{nonce}</c> per unsubscribe link used.
/// Rows <c>p-{inbox entry id}</c>, one per waiting notification, were written by earlier builds: they are still read
/// and removed once settled.
/// </summary>
internal sealed class TableMailboxStore(TableServiceClient tables) : IMailboxStore
{
    public const string TableName = "mailboxes";

    private const string SettingsRow = "settings";
    private const string RetryRow = "retry";
    private const string PendingPrefix = "p-";
    private const string UsedPrefix = "u-";
    private const string WaitingColumn = "Waiting";
    private const string SettledPrefix = "Settled";
    private readonly StoreTable _table = new(tables, TableName);
    private readonly TableGroupCommit _commit = new(new StoreTable(tables, TableName));

    public async Task<StoredMailbox> LoadAsync(string mailbox, CancellationToken cancellationToken = default)
    {
        // The settings row says whether anything waits: only then is the mailbox's range of rows queried (on Azurite a
        // query reads the whole table, a read by key does not, and a fan-out wakes thousands of mailboxes at once).
        var table = await _table.ReadyAsync(cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(PersonRows.Partition(mailbox), PersonRows.Row(mailbox, SettingsRow), cancellationToken: cancellationToken);
        var settings = stored.HasValue ? ReadSettings(stored.Value!) : MailboxSettings.Default;
        var settled = stored.HasValue ? ReadSettled(stored.Value!) : new Dictionary<EmailDelivery, long>();
        if (stored.HasValue != true || stored.Value!.GetBoolean(WaitingColumn) != true)
        {
            return new StoredMailbox(settings, [], null, Waiting: false, settled);
        }

        EmailRetry? retry = null;
        var pending = new List<PendingEmail>();
        await foreach (var entity in _table.QueryAsync(PersonRows.Filter(mailbox), cancellationToken))
        {
            var row = PersonRows.RowOf(mailbox, entity.RowKey);
            if (row == RetryRow)
            {
                retry = new EmailRetry(entity.GetInt32("Failures") ?? 0, entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
            }
            else if (row.StartsWith(PendingPrefix, StringComparison.Ordinal))
            {
                pending.Add(ReadPending(row[PendingPrefix.Length..], entity));
            }
        }

        return new StoredMailbox(settings, pending, retry, Waiting: true, settled);
    }

    public async Task SaveSettingsAsync(string mailbox, MailboxSettings settings, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        await table.UpsertEntityAsync(SettingsEntity(mailbox, settings), TableUpdateMode.Merge, cancellationToken);
    }

    public Task MarkWaitingAsync(string mailbox, CancellationToken cancellationToken = default) =>
        _commit.CommitAsync(PersonRows.Partition(mailbox), [Waiting(mailbox, true)]);

    public Task SettleAsync(string mailbox, IReadOnlyDictionary<EmailDelivery, long> settled, CancellationToken cancellationToken = default)
    {
        var row = new TableEntity(PersonRows.Partition(mailbox), PersonRows.Row(mailbox, SettingsRow));
        foreach (var (delivery, version) in settled)
        {
            row[SettledPrefix + delivery] = version;
        }

        return _commit.CommitAsync(PersonRows.Partition(mailbox), [new TableTransactionAction(TableTransactionActionType.UpsertMerge, row)]);
    }

    public Task ClearWaitingAsync(string mailbox, CancellationToken cancellationToken = default) =>
        _commit.CommitAsync(PersonRows.Partition(mailbox), [Waiting(mailbox, false)]);

    public async Task<IReadOnlyList<string>> WaitingInAsync(string partition, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        var suffix = PersonRows.Row("", SettingsRow);
        var waiting = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + $" and {WaitingColumn} eq true";
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey.EndsWith(suffix, StringComparison.Ordinal))
            {
                waiting.Add(row.RowKey[..^suffix.Length]);
            }
        }

        return waiting;
    }

    public async Task RemovePendingAsync(string mailbox, IReadOnlyList<string> entryIds, CancellationToken cancellationToken = default)
    {
        // A write each: a transaction fails whole when one of its rows is already gone, and the group commit then
        // tries each write alone, so a row already gone fails only its own delete, which is what was wanted anyway.
        await Task.WhenAll(entryIds.Select(async id =>
        {
            try
            {
                await _commit.CommitAsync(
                    PersonRows.Partition(mailbox),
                    [new TableTransactionAction(TableTransactionActionType.Delete, PersonRows.Entity(mailbox, PendingPrefix + id), ETag.All)]);
            }
            catch (Exception e) when (e is RequestFailedException { Status: 404 } or TableTransactionFailedException { Status: 404 })
            {
                // Already gone.
            }
        }));
    }

    public async Task SaveRetryAsync(string mailbox, EmailRetry? retry, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        if (retry is null)
        {
            await table.DeleteEntityAsync(PersonRows.Partition(mailbox), PersonRows.Row(mailbox, RetryRow), ETag.All, cancellationToken);
        }
        else
        {
            var row = PersonRows.Entity(mailbox, RetryRow);
            row["Failures"] = retry.Failures;
            row["At"] = retry.At;
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
                    new TableTransactionAction(TableTransactionActionType.Add, PersonRows.Entity(mailbox, UsedPrefix + nonce)),
                    new TableTransactionAction(TableTransactionActionType.UpsertMerge, SettingsEntity(mailbox, settings)),
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
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PersonRows.Partition(mailbox), PersonRows.Row(mailbox, UsedPrefix + nonce), ["RowKey"], cancellationToken);
        return row.HasValue;
    }

    // Merged, never replaced, so saving settings keeps the Waiting column; every settings column is written ("" for none).
    private static TableEntity SettingsEntity(string mailbox, MailboxSettings settings) => new(PersonRows.Partition(mailbox), PersonRows.Row(mailbox, SettingsRow))
    {
        ["Delivery"] = string.Join(';', settings.Delivery.Where(d => d.Value != EmailDelivery.Immediately).Select(d => $"{d.Key}={d.Value}")),
        ["Address"] = settings.Guest?.Address ?? "",
        ["DisplayName"] = settings.Guest?.DisplayName ?? "",
    };

    private static TableTransactionAction Waiting(string mailbox, bool waiting) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(PersonRows.Partition(mailbox), PersonRows.Row(mailbox, SettingsRow)) { [WaitingColumn] = waiting });

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

    private static Dictionary<EmailDelivery, long> ReadSettled(TableEntity row) =>
        Enum.GetValues<EmailDelivery>().Where(d => row.GetInt64(SettledPrefix + d) is not null).ToDictionary(d => d, d => row.GetInt64(SettledPrefix + d)!.Value);

    private static PendingEmail ReadPending(string entryId, TableEntity row) => new(
        new InboxEntry(entryId, NotificationRow.Read(row), Read: false),
        Enum.Parse<EmailDelivery>(row.GetString("Delivery") ?? ""),
        row.GetDateTimeOffset("Queued") ?? DateTimeOffset.MinValue);
}
