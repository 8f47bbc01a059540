using Newsroom.Core.Changes;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Runs a draft's reactivation path once, on nothing real, when a silo starts. A fresh process otherwise
/// spends its first draft open on the first grain activation, the first table and blob requests and the JIT
/// of the log readers (about 240 ms on the 2-core test machine, against about 55 ms for the same open once
/// the process is warm), and that first open is an editor waiting to type.
/// </summary>
public sealed class DraftWarmup(IGrainFactory grains, IDraftLogFactory logs)
{
    /// <summary>Never a draft's id (those are 12 hexadecimal digits, and the hubs refuse anything else).</summary>
    public const string DraftId = "warm-up";

    /// <summary>Reads only: the warm-up draft does not exist, so nothing is created or stored.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // The log reader against storage: the containers, then a pointer and a segment that are not there.
        var recovery = await logs.Open(DraftId).LoadAsync(cancellationToken);
        if (recovery.Snapshot is not null || recovery.Batches.Count > 0)
        {
            throw new InvalidOperationException($"Storage holds a draft log under the reserved id '{DraftId}'.");
        }

        // What reading a stored draft runs, on a sample made here: snapshot and batch parsing, then replay.
        var entry = new DraftLogEntry(DraftField.Body, 2, DraftId, ChangeSet.Of(new ChangeSpec(1, Insert: "y"), 1).ToJson());
        var batch = DraftLogSerializer.ReadRecord(
            DraftLogSerializer.WriteBatch(new DraftLogBatch(2, [entry], DraftMetadata.Empty, DateTimeOffset.UnixEpoch))).Batch!;
        var snapshot = DraftSnapshotSerializer.ReadSnapshot(DraftSnapshotSerializer.WriteSnapshot(
            new DraftSnapshot(1, new Dictionary<DraftField, DraftFieldSnapshot> { [DraftField.Body] = new(1, "x") }, DraftMetadata.Empty, DateTimeOffset.UnixEpoch),
            startSegment: 0)).Snapshot;
        var field = new DraftFieldSequencer(DraftField.Body, DraftLimits.DefaultWindow);
        field.Restore(snapshot.Fields[DraftField.Body].Version, snapshot.Fields[DraftField.Body].Text);
        field.Replay(batch.Updates[0]);

        // A grain activation with its table read. The draft does not exist, so the grain only refuses.
        try
        {
            await grains.GetGrain<IDraftGrain>(DraftId).Pull(DraftField.Body, 0).WaitAsync(cancellationToken);
            throw new InvalidOperationException($"A draft exists under the reserved id '{DraftId}'.");
        }
        catch (DraftException)
        {
        }
    }
}
