using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains;

/// <summary>
/// Group commit for many small writers sharing table partitions (thousands of inboxes told of one comment): a write
/// to a partition whose transaction is in flight waits and goes into the next one with every other write that arrived
/// meanwhile, so a burst of N writes to a partition costs a few transactions instead of N. How writes become one
/// transaction's actions is the subclass's (<see cref="TableGroupCommit"/> puts their actions side by side; an inbox's
/// deliveries are packed into shared rows). A write is never split; when a shared transaction fails, each of its writes
/// is tried again alone, so a bad write fails alone and the others are stored.
/// </summary>
internal abstract class PartitionGroupCommit<TWrite>(StoreTable table, int maxInFlight = int.MaxValue)
{
    /// <summary>The most actions one table transaction may hold.</summary>
    public const int MaxActions = 100;

    private readonly Dictionary<string, Partition> _partitions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim? _inFlight = maxInFlight == int.MaxValue ? null : new SemaphoreSlim(maxInFlight);
    private long _transactions;

    /// <summary>Transactions submitted so far (shared and alone), to see the grouping.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>A transaction being put together: it takes writes while they fit, then gives its actions.</summary>
    protected interface IGroup
    {
        /// <summary>Adds the write if it fits; the first write always fits an empty group.</summary>
        bool TryAdd(TWrite write);

        IReadOnlyList<TableTransactionAction> Actions();

        /// <summary>The transaction was stored; <paramref name="responses"/> answer its actions, in order.</summary>
        void Committed(IReadOnlyList<Response> responses)
        {
        }
    }

    protected abstract IGroup NewGroup(string partition);

    /// <summary>
    /// Commits <paramref name="write"/> in a transaction, shared or alone. The caller has checked that it fits an empty
    /// group, all in <paramref name="partition"/>.
    /// </summary>
    protected Task CommitAsync(string partition, TWrite write)
    {
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
            // Waiting for a turn lets more writes join the group; the turn is taken before the group is.
            if (_inFlight is not null)
            {
                await _inFlight.WaitAsync();
            }

            try
            {
                List<PendingWrite> writes;
                IGroup group;
                lock (_partitions)
                {
                    (writes, group) = Next(partition, queue);
                    if (writes.Count == 0)
                    {
                        queue.Committing = false;
                        _partitions.Remove(partition);
                        return;
                    }
                }

                await CommitGroupAsync(partition, writes, group);
            }
            finally
            {
                _inFlight?.Release();
            }
        }
    }

    /// <summary>Whole writes in arrival order while they fit, skipping none: a write that does not fit starts the next group.</summary>
    private (List<PendingWrite>, IGroup) Next(string partition, Partition queue)
    {
        var writes = new List<PendingWrite>();
        var group = NewGroup(partition);
        while (queue.Waiting.TryPeek(out var next) && group.TryAdd(next.Write))
        {
            queue.Waiting.Dequeue();
            writes.Add(next);
        }

        return (writes, group);
    }

    private async Task CommitGroupAsync(string partition, List<PendingWrite> writes, IGroup group)
    {
        try
        {
            await SubmitAsync(group);
            writes.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception e) when (writes.Count > 1 && e is RequestFailedException or TableTransactionFailedException)
        {
            foreach (var write in writes)
            {
                await CommitAloneAsync(partition, write);
            }
        }
        catch (Exception e)
        {
            writes.ForEach(w => w.Done.TrySetException(e));
        }
    }

    private async Task CommitAloneAsync(string partition, PendingWrite write)
    {
        try
        {
            var alone = NewGroup(partition);
            alone.TryAdd(write.Write);
            await SubmitAsync(alone);
            write.Done.TrySetResult();
        }
        catch (Exception e)
        {
            write.Done.TrySetException(e);
        }
    }

    private async Task SubmitAsync(IGroup group)
    {
        var client = await table.ReadyAsync();
        Interlocked.Increment(ref _transactions);
        var responses = await client.SubmitTransactionAsync(group.Actions());
        group.Committed(responses.Value);
    }

    private sealed class Partition
    {
        public Queue<PendingWrite> Waiting { get; } = new();

        public bool Committing { get; set; }
    }

    private sealed class PendingWrite(TWrite write)
    {
        public TWrite Write { get; } = write;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
