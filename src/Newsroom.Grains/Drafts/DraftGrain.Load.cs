using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // The latest snapshot, then every batch after it. The replayed batches refill each field's window; the
    // rest of the window, before the snapshot, is read back from the log when a push or pull needs it
    // (DraftGrain.History.cs).
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _log = _logs.Open(Id);
        DraftRecovery recovery;
        try
        {
            recovery = await _log.LoadAsync(cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidDataException))
        {
            // Storage refused or failed: nothing is lost, the draft cannot be read yet. The caller tries again.
            throw new StorageBusyException($"Draft {Id} could not be read from storage; try again.", e);
        }

        if (recovery.Snapshot is { } snapshot)
        {
            foreach (var field in _fields)
            {
                var stored = snapshot.Fields.GetValueOrDefault(field.Field) ?? new DraftFieldSnapshot(0, "");
                field.Restore(stored.Version, stored.Text);
            }

            _metadata = _durableMetadata = snapshot.Metadata;
            _sequence = snapshot.Sequence;
        }

        _historyBefore = _sequence + 1;

        foreach (var batch in recovery.Batches)
        {
            if (batch.Sequence != _sequence + 1)
            {
                throw new InvalidOperationException($"Draft {Id}: the log holds batch {batch.Sequence} after batch {_sequence}.");
            }

            foreach (var entry in batch.Updates)
            {
                FieldOf(entry.Field).Replay(entry);
            }

            if (batch.Metadata is { } metadata)
            {
                _metadata = _durableMetadata = metadata;
            }

            _sequence = batch.Sequence;
            _updatesSinceSnapshot += batch.Updates.Count + (batch.Metadata is null ? 0 : 1);
            _lastChangedAt = batch.CommittedAt;
        }

        _ready = true;
    }
}
