using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// Settling packs: each inbox's share of a partition's packs goes into a bucket row of its own, and the packs are
/// deleted. The packs this store wrote are settled from memory (<see cref="SettleAsync"/>: no read, which on Azurite
/// would scan the whole table); packs a stopped silo left are found by <see cref="SweepAsync"/>. Two settlers of the
/// same packs, or one stopped half way, are harmless: a bucket's key follows from what it holds, and an inbox reading a
/// notification twice (from a pack and a bucket) keeps it once.
/// </summary>
internal sealed partial class TableInboxStore
{
    // At most this many packs at a time, and a transaction's buckets well under its 4 MiB.
    private const int PacksPerSettle = 100;
    private const int BucketBytesPerTransaction = 3_000_000;

    // The packs this store wrote and has not settled, per partition, oldest first.
    private readonly ConcurrentDictionary<string, List<WrittenPack>> _written = new(StringComparer.Ordinal);

    /// <summary>Partitions holding packs this store wrote, with the time of the oldest not settled yet.</summary>
    public IEnumerable<(string Partition, DateTimeOffset Oldest)> Unsettled =>
        _written.Select(w => { lock (w.Value) { return (w.Key, w.Value.Count > 0 ? w.Value[0].StoredAt : DateTimeOffset.MaxValue); } })
            .Where(w => w.Item2 != DateTimeOffset.MaxValue);

    /// <summary>Settles the packs this store wrote to <paramref name="partition"/> before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> SettleAsync(string partition, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        if (!_written.TryGetValue(partition, out var written))
        {
            return 0;
        }

        List<WrittenPack> due;
        lock (written)
        {
            due = [.. written.TakeWhile(w => w.StoredAt < before).Take(PacksPerSettle)];
        }

        if (due.Count == 0)
        {
            return 0;
        }

        await SettlePacksAsync(partition, due, cancellationToken);
        lock (written)
        {
            written.RemoveRange(0, due.Count);
        }

        return due.Count;
    }

    /// <summary>
    /// Settles packs of <paramref name="partition"/> stored before <paramref name="before"/> that any silo wrote, read
    /// from storage (at most a hundred at a time); returns how many.
    /// </summary>
    public async Task<int> SweepAsync(string partition, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var packs = new List<WrittenPack>();
        await foreach (var row in _table.QueryAsync(Packs(partition, before), cancellationToken))
        {
            packs.Add(new WrittenPack(row.RowKey, InboxPack.Read(row, row.Timestamp), row.ETag, row.Timestamp ?? DateTimeOffset.MinValue));
            if (packs.Count == PacksPerSettle)
            {
                break;
            }
        }

        if (packs.Count > 0)
        {
            await SettlePacksAsync(partition, packs, cancellationToken);
        }

        return packs.Count;
    }

    private void Written(string partition, string rowKey, InboxPack pack, ETag etag, DateTimeOffset storedAt)
    {
        var written = _written.GetOrAdd(partition, _ => []);
        lock (written)
        {
            // Commits of one partition complete in order (one transaction in flight at a time), so this stays oldest first.
            written.Add(new WrittenPack(rowKey, pack, etag, storedAt));
        }
    }

    private async Task SettlePacksAsync(string partition, List<WrittenPack> packs, CancellationToken cancellationToken)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        var shares = new Dictionary<string, List<(PackedDelivery Delivery, List<PackNote> Notes)>>(StringComparer.Ordinal);
        foreach (var written in packs)
        {
            foreach (var delivery in written.Pack.Deliveries)
            {
                if (!shares.TryGetValue(delivery.Inbox, out var share))
                {
                    shares[delivery.Inbox] = share = [];
                }

                share.Add((delivery with { StoredAt = delivery.StoredAt ?? written.StoredAt }, [.. written.Pack.NotesOf(delivery)]));
            }
        }

        var settled = Hash(string.Join(",", packs.Select(p => p.RowKey)));
        var buckets = shares.SelectMany(s => Buckets(s.Key, s.Value, settled)).ToList();
        foreach (var transaction in ByTransaction(buckets))
        {
            await table.SubmitTransactionAsync(
                [.. transaction.Select(b => new TableTransactionAction(TableTransactionActionType.UpsertReplace, b.Pack.WriteTo(new TableEntity(partition, b.RowKey))))],
                cancellationToken);
        }

        try
        {
            await table.SubmitTransactionAsync(
                [.. packs.Select(p => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, p.RowKey), p.ETag))], cancellationToken);
        }
        catch (Exception e) when (e is RequestFailedException or TableTransactionFailedException)
        {
            // Another settler got to some of them first: the rest one by one.
            foreach (var pack in packs)
            {
                try
                {
                    await table.DeleteEntityAsync(partition, pack.RowKey, pack.ETag, cancellationToken);
                }
                catch (RequestFailedException gone) when (gone.Status is 404 or 412)
                {
                }
            }
        }
    }

    private static IEnumerable<(string RowKey, InboxPack Pack)> Buckets(string inbox, List<(PackedDelivery Delivery, List<PackNote> Notes)> share, string settled)
    {
        var bucket = new InboxPack();
        var part = 0;
        foreach (var (delivery, notes) in share.Where(s => s.Notes.Count > 0))
        {
            if (!bucket.TryAdd(inbox, notes, delivery.Version, delivery.StoredAt))
            {
                yield return Bucket(inbox, bucket, settled, part++);
                bucket = new InboxPack();
                bucket.TryAdd(inbox, notes, delivery.Version, delivery.StoredAt);
            }
        }

        if (bucket.Deliveries.Count > 0)
        {
            yield return Bucket(inbox, bucket, settled, part);
        }
    }

    private static (string, InboxPack) Bucket(string inbox, InboxPack bucket, string settled, int part)
    {
        var newest = bucket.Deliveries.SelectMany(bucket.NotesOf).Select(n => n.Id).Min(StringComparer.Ordinal);
        return (PersonRows.Row(inbox, $"{BucketPrefix}{newest}-{settled}{part}"), bucket);
    }

    private static IEnumerable<List<(string RowKey, InboxPack Pack)>> ByTransaction(List<(string RowKey, InboxPack Pack)> buckets)
    {
        var transaction = new List<(string, InboxPack)>();
        var bytes = 0;
        foreach (var bucket in buckets)
        {
            if (transaction.Count > 0 && (transaction.Count == TableGroupCommit.MaxActions || bytes + bucket.Pack.Bytes > BucketBytesPerTransaction))
            {
                yield return transaction;
                (transaction, bytes) = ([], 0);
            }

            transaction.Add(bucket);
            bytes += bucket.Pack.Bytes;
        }

        if (transaction.Count > 0)
        {
            yield return transaction;
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    private sealed record WrittenPack(string RowKey, InboxPack Pack, ETag ETag, DateTimeOffset StoredAt);
}
