using Azure.Data.Tables;

namespace Newsroom.Grains;

/// <summary>
/// <see cref="PartitionGroupCommit{TWrite}"/> for writes that are lists of actions: a shared transaction holds whole
/// writes side by side, at most <see cref="PartitionGroupCommit{TWrite}.MaxActions"/> actions, and never the same row
/// twice (a second write to a row waits for the transaction after).
/// </summary>
internal sealed class TableGroupCommit(StoreTable table) : PartitionGroupCommit<IReadOnlyList<TableTransactionAction>>(table)
{
    /// <summary>Commits <paramref name="write"/> (1–100 actions, all in <paramref name="partition"/>) in a transaction, shared or alone.</summary>
    public new Task CommitAsync(string partition, IReadOnlyList<TableTransactionAction> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (write.Count is 0 or > MaxActions)
        {
            throw new ArgumentOutOfRangeException(nameof(write), $"A write holds 1 to {MaxActions} actions; got {write.Count}.");
        }

        if (write.Any(a => a.Entity.PartitionKey != partition))
        {
            throw new ArgumentException($"Every action of a write must be in partition '{partition}'.", nameof(write));
        }

        return base.CommitAsync(partition, write);
    }

    protected override IGroup NewGroup(string partition) => new SideBySide();

    private sealed class SideBySide : IGroup
    {
        private readonly List<TableTransactionAction> _actions = [];
        private readonly HashSet<string> _rows = new(StringComparer.Ordinal);

        public bool TryAdd(IReadOnlyList<TableTransactionAction> write)
        {
            if (_actions.Count + write.Count > MaxActions || write.Any(a => _rows.Contains(a.Entity.RowKey)))
            {
                return false;
            }

            _actions.AddRange(write);
            _rows.UnionWith(write.Select(a => a.Entity.RowKey));
            return true;
        }

        public IReadOnlyList<TableTransactionAction> Actions() => _actions;
    }
}
