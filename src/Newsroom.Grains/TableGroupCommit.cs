using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains;

/// <summary>
/// Group commit for many small writers sharing table partitions (thousands of inboxes told of one comment): a write
/// to a partition whose transaction is in flight waits and goes into the next one with every other write that arrived
/// meanwhile, so a burst of N writes to a partition costs about N / 100 transactions instead of N. A write is a list of
/// actions on one partition that commit together; it is never split, and a transaction never holds the same row twice
/// (a second write to a row waits for the transaction after). When a shared transaction fails, each of its writes is
/// tried again alone, so a bad write fails alone and the others are stored.
/// </summary>
internal sealed class TableGroupCommit(StoreTable table)
{
    /// <summary>The most actions one table transaction may hold.</summary>
    public const int MaxActions = 100;

    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private long _transactions;

    /// <summary>Transactions submitted so far (shared and alone), to see the grouping.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Commits <paramref name="write"/> (1–100 actions, all in <paramref name="partition"/>) in a transaction, shared or alone.</summary>
    public Task CommitAsync(string partition, IReadOnlyList<TableTransactionAction> write)
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

        var pending = new PendingWrite(write);
        bool start;
        Partition queue;
        lock (_partitions)
        {
            if (!_partitions.TryGetValue(partition, out queue!))
            {
                _partitions[partition] = queue = new Partition();
            }

            queue.Waiting.Enqueue(pending);
            start = !queue.Committing;
            queue.Committing = true;
        }

        if (start)
        {
            // Off the caller's scheduler (a grain's): the loop serves every writer of the partition, not one activation.
            _ = Task.Run(() => DrainAsync(partition, queue));
        }

        return pending.Done.Task;
    }

    private async Task DrainAsync(string partition, Partition queue)
    {
        while (true)
        {
            List<PendingWrite> group;
            lock (_partitions)
            {
                group = Next(queue);
                if (group.Count == 0)
                {
                    queue.Committing = false;
                    _partitions.Remove(partition);
                    return;
                }
            }

            await CommitGroupAsync(group);
        }
    }

    /// <summary>Whole writes in arrival order while they fit, skipping none: a write that does not fit starts the next group.</summary>
    private static List<PendingWrite> Next(Partition queue)
    {
        var group = new List<PendingWrite>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var actions = 0;
        while (queue.Waiting.TryPeek(out var next)
            && actions + next.Actions.Count <= MaxActions
            && next.Actions.All(a => !rows.Contains(a.Entity.RowKey)))
        {
            queue.Waiting.Dequeue();
            group.Add(next);
            actions += next.Actions.Count;
            rows.UnionWith(next.Actions.Select(a => a.Entity.RowKey));
        }

        return group;
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        try
        {
            var client = await table.ReadyAsync();
            Interlocked.Increment(ref _transactions);
            await client.SubmitTransactionAsync([.. group.SelectMany(w => w.Actions)]);
            group.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception e) when (group.Count > 1 && e is RequestFailedException or TableTransactionFailedException)
        {
            foreach (var write in group)
            {
                await CommitAloneAsync(write);
            }
        }
        catch (Exception e)
        {
            group.ForEach(w => w.Done.TrySetException(e));
        }
    }

    private async Task CommitAloneAsync(PendingWrite write)
    {
        try
        {
            var client = await table.ReadyAsync();
            Interlocked.Increment(ref _transactions);
            await client.SubmitTransactionAsync(write.Actions);
            write.Done.TrySetResult();
        }
        catch (Exception e)
        {
            write.Done.TrySetException(e);
        }
    }

    private sealed class Partition
    {
        public Queue<PendingWrite> Waiting { get; } = new();

        public bool Committing { get; set; }
    }

    private sealed class PendingWrite(IReadOnlyList<TableTransactionAction> actions)
    {
        public IReadOnlyList<TableTransactionAction> Actions { get; } = actions;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
