using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// Sits between the draft grains and their real blob logs: records every batch that became durable, per
/// draft, and can hold a draft's next append or snapshot in flight, so a test decides when a write ends. Drafts a test
/// does not touch through the probe go straight through.
/// </summary>
public sealed class DraftLogProbe
{
    private readonly ConcurrentDictionary<string, DraftTrace> _drafts = new(StringComparer.Ordinal);

    /// <summary>The batches appended to the draft's log so far, in order.</summary>
    public IReadOnlyList<DraftLogBatch> Batches(string draftId) => Trace(draftId).Batches;

    /// <summary>Snapshots written for the draft so far.</summary>
    public int Snapshots(string draftId) => Trace(draftId).Snapshots;

    /// <summary>Makes the draft's next append wait, once it has begun, until the returned hold is released.</summary>
    public WriteHold HoldNextAppend(string draftId)
    {
        var hold = new WriteHold();
        Trace(draftId).HoldNextAppend(hold);
        return hold;
    }

    /// <summary>Makes the draft's next snapshot wait, once it has begun, until the returned hold is released.</summary>
    public WriteHold HoldNextSnapshot(string draftId)
    {
        var hold = new WriteHold();
        Trace(draftId).HoldNextSnapshot(hold);
        return hold;
    }

    internal void WrapRegisteredFactory(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IDraftLogFactory));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("AddNewsroomDraftStorage registers the draft log factory through a factory method.");
        services.Remove(registered);
        services.AddSingleton<IDraftLogFactory>(provider => new Factory((IDraftLogFactory)create(provider), this));
    }

    private DraftTrace Trace(string draftId) => _drafts.GetOrAdd(draftId, _ => new DraftTrace());

    /// <summary>A write held in flight: <see cref="Reached"/> completes when it begins, and it goes on once released.</summary>
    public sealed class WriteHold
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        /// <summary>Lets the held write go on to storage.</summary>
        public void Release() => _released.TrySetResult();

        /// <summary>Ends the held write with a storage failure instead; nothing of it is stored.</summary>
        public void Fail(Exception error) => _released.TrySetException(error);

        internal async Task WaitAsync(CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
        }
    }

    private sealed class DraftTrace
    {
        private readonly Lock _lock = new();
        private readonly List<DraftLogBatch> _batches = [];
        private int _snapshots;
        private WriteHold? _appendHold;
        private WriteHold? _snapshotHold;

        public IReadOnlyList<DraftLogBatch> Batches
        {
            get
            {
                lock (_lock)
                {
                    return [.. _batches];
                }
            }
        }

        public int Snapshots => Volatile.Read(ref _snapshots);

        public void Appended(DraftLogBatch batch)
        {
            lock (_lock)
            {
                _batches.Add(batch);
            }
        }

        public void SnapshotWritten() => Interlocked.Increment(ref _snapshots);

        public void HoldNextAppend(WriteHold hold) => Volatile.Write(ref _appendHold, hold);

        public void HoldNextSnapshot(WriteHold hold) => Volatile.Write(ref _snapshotHold, hold);

        public WriteHold? TakeAppendHold() => Interlocked.Exchange(ref _appendHold, null);

        public WriteHold? TakeSnapshotHold() => Interlocked.Exchange(ref _snapshotHold, null);
    }

    private sealed class Factory(IDraftLogFactory inner, DraftLogProbe probe) : IDraftLogFactory
    {
        public IDraftLog Open(string draftId) => new Log(inner.Open(draftId), probe.Trace(draftId));
    }

    private sealed class Log(IDraftLog inner, DraftTrace trace) : IDraftLog
    {
        public Task<DraftRecovery> LoadAsync(CancellationToken cancellationToken = default) => inner.LoadAsync(cancellationToken);

        public Task<IReadOnlyList<DraftLogBatch>> LoadHistoryAsync(
            long beforeSequence, Func<DraftLogBatch, bool> enough, CancellationToken cancellationToken = default) =>
            inner.LoadHistoryAsync(beforeSequence, enough, cancellationToken);

        public async Task AppendAsync(DraftLogBatch batch, CancellationToken cancellationToken = default)
        {
            if (trace.TakeAppendHold() is { } hold)
            {
                await hold.WaitAsync(cancellationToken);
            }

            await inner.AppendAsync(batch, cancellationToken);
            trace.Appended(batch);
        }

        public async Task WriteSnapshotAsync(DraftSnapshot snapshot, CancellationToken cancellationToken = default)
        {
            if (trace.TakeSnapshotHold() is { } hold)
            {
                await hold.WaitAsync(cancellationToken);
            }

            await inner.WriteSnapshotAsync(snapshot, cancellationToken);
            trace.SnapshotWritten();
        }
    }
}
