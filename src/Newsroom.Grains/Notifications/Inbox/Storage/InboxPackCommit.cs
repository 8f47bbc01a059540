using Azure;
using Azure.Data.Tables;
using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// Group commit of deliveries into packs: every delivery to a partition that waits while its transaction is in flight
/// goes into the next one, as one <see cref="InboxPack"/> row (and, for an inbox's first delivery, its record). So a
/// comment told to thousands of inboxes costs about a row per partition instead of a row per inbox.
/// </summary>
internal sealed class InboxPackCommit(StoreTable table, TimeProvider clock, InboxPackCommit.Written written)
    : PartitionGroupCommit<InboxPackCommit.Delivery>(table, MaxInFlight)
{
    /// <summary>
    /// Pack transactions in flight at once, over all partitions: storage then serves the comment that caused a fan-out
    /// after a few of them, not after one per partition; and deliveries that wait for a turn join fuller packs.
    /// </summary>
    public const int MaxInFlight = 16;

    /// <summary>One inbox's new entries and the version they reach; <see cref="First"/>: its record is written with them.</summary>
    public sealed record Delivery(string Inbox, IReadOnlyList<InboxEntry> Entries, long Version, bool First);

    /// <summary>Told of each pack once it is stored, with its row key, its ETag and the time it was stored.</summary>
    public delegate void Written(string partition, string rowKey, InboxPack pack, ETag etag, DateTimeOffset storedAt);

    public Task CommitAsync(Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Entries.Count is 0 or > NotificationLimits.MaxBatch)
        {
            // What fits one pack (InboxPack).
            throw new ArgumentOutOfRangeException(nameof(delivery), $"A delivery holds 1 to {NotificationLimits.MaxBatch} entries.");
        }

        return CommitAsync(PersonRows.Partition(delivery.Inbox), delivery);
    }

    protected override IGroup NewGroup(string partition) => new Packing(partition, clock, written);

    private sealed class Packing(string partition, TimeProvider clock, Written written) : IGroup
    {
        private readonly InboxPack _pack = new();
        private readonly List<string> _records = [];
        private readonly HashSet<string> _inboxes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
        private string _rowKey = "";

        public bool TryAdd(Delivery delivery)
        {
            // One pack row and the records of first deliveries; an inbox at most once (its next write waits for this one).
            if (_inboxes.Contains(delivery.Inbox) || (delivery.First && _records.Count + 2 > MaxActions))
            {
                return false;
            }

            if (!_pack.TryAdd(delivery.Inbox, delivery.Entries, delivery.Version))
            {
                return false;
            }

            _inboxes.Add(delivery.Inbox);
            if (delivery.First)
            {
                _records.Add(delivery.Inbox);
                _versions[delivery.Inbox] = delivery.Version;
            }

            return true;
        }

        public IReadOnlyList<TableTransactionAction> Actions()
        {
            _rowKey = TableInboxStore.PackRow(clock.GetUtcNow());
            var row = _pack.WriteTo(new TableEntity(partition, _rowKey));
            return
            [
                new TableTransactionAction(TableTransactionActionType.Add, row),
                .. _records.Select(inbox => new TableTransactionAction(TableTransactionActionType.UpsertMerge, TableInboxStore.Record(inbox, _versions[inbox]))),
            ];
        }

        public void Committed(IReadOnlyList<Response> responses) =>
            written(partition, _rowKey, _pack, responses[0].Headers.ETag ?? ETag.All, clock.GetUtcNow());
    }
}
