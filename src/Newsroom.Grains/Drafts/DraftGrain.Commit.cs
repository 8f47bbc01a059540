using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Grains.Realtime;
using Newsroom.Grains.Telemetry;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // Group commit: at most one IDraftLog call is outstanding. Whatever is accepted meanwhile collects in
    // _pending and becomes the next batch when the write ends, or, in a busy draft, once CommitInterval has passed
    // since the last write began. Durability costs one append per interval, not one per keystroke, and a lone
    // edit is written at once with no added delay.
    // A snapshot begins between appends and is then stored beside them: the log lets the next append begin
    // while the snapshot is uploaded, so a push waits for its own batch's append and never for a snapshot.
    private PendingBatch _pending = new();
    private PendingBatch? _inFlight;
    private bool _isWriting;
    private Task _writing = Task.CompletedTask;
    private Task _snapshotting = Task.CompletedTask;
    private Exception? _broken;
    private long _sequence;
    private int _updatesSinceSnapshot;

    private void StartWriting()
    {
        if (!_isWriting && !_pending.IsEmpty)
        {
            _isWriting = true;
            _writing = WriteLoop();
        }
    }

    private async Task WriteLoop()
    {
        try
        {
            while (!_pending.IsEmpty && _broken is null)
            {
                await _pacing.WaitForTurn();
                var batch = _pending;
                _pending = new PendingBatch();
                _inFlight = batch;
                batch.Metadata = batch.MetadataChanged ? _metadata : null;
                var logBatch = batch.ToLogBatch(_sequence + 1, batch.Metadata, _clock.GetUtcNow());
                var began = Stopwatch.GetTimestamp();
                using (var span = StartAppendSpan(batch, logBatch))
                {
                    try
                    {
                        await _log!.AppendAsync(logBatch);
                    }
                    catch (Exception e)
                    {
                        span?.SetStatus(ActivityStatusCode.Error, e.Message);
                        Break(e, batch);
                        return;
                    }
                }

                NewsroomMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                NewsroomMetrics.CommitBatchSize.Record(logBatch.Updates.Count);
                NewsroomMetrics.EditsAccepted.Add(logBatch.Updates.Count);
                Commit(batch, logBatch);
                if (_updatesSinceSnapshot >= _options.SnapshotEvery && _snapshotting.IsCompleted)
                {
                    _snapshotting = WriteSnapshot(CancellationToken.None);
                }
            }
        }
        finally
        {
            _inFlight = null;
            _isWriting = false;
        }
    }

    // A child of the first traced push in the batch, linked to all of them; storage's own spans become its children.
    private Activity? StartAppendSpan(PendingBatch batch, DraftLogBatch logBatch)
    {
        var callers = batch.Callers;
        var span = NewsroomTracing.Source.StartActivity(
            "draft append", ActivityKind.Internal, callers is [var first, ..] ? first.Context : default, links: callers);
        span?.SetTag("newsroom.draft.id", Id);
        span?.SetTag("newsroom.draft.batch", logBatch.Sequence);
        span?.SetTag("newsroom.draft.updates", logBatch.Updates.Count);
        return span;
    }

    // Runs in one turn: the batch becomes visible everywhere at once, and its events go out in batch order.
    private void Commit(PendingBatch batch, DraftLogBatch logBatch)
    {
        _sequence = logBatch.Sequence;
        var events = new List<NewsroomEvent>(4);
        foreach (var field in _fields)
        {
            if (batch.Range(field.Field) is var (from, to))
            {
                events.Add(new DraftUpdatesCommitted(DraftFields.Name(field.Field), from, field.Slice(from, to)));
                field.MakeDurable(to);
            }
        }

        if (logBatch.Metadata is { } metadata)
        {
            _durableMetadata = metadata;
            events.Add(new DraftMetadataChanged(metadata, batch.MetadataChangedBy ?? ""));
        }

        _updatesSinceSnapshot += logBatch.Updates.Count + (logBatch.Metadata is null ? 0 : 1);
        _lastChangedAt = logBatch.CommittedAt;
        _lastChangedBy = batch.LastChangedBy ?? _lastChangedBy;
        foreach (var e in events)
        {
            _channel.Publish(e);
        }

        batch.Complete();
        NoteChangeForDesk();
    }

    // What is in memory now runs ahead of the log and cannot be trusted: fail everything waiting, refuse
    // new work, and let the activation go so the next one reloads from storage. It is told as storage being
    // busy, as a write that hangs is: the editor keeps its unconfirmed updates and sends them again, and the
    // log's client ids drop any that did get stored.
    private void Break(Exception error, PendingBatch batch)
    {
        _broken = error;
        LogAppendFailed(error, Id, _sequence + 1);
        var refusal = new StorageBusyException(
            $"Storing draft {Id} failed, so these changes were not saved yet; send them again.", error);
        batch.Fail(refusal);
        _pending.Fail(refusal);
        DeactivateOnIdle();
    }

    private async Task WriteSnapshot(CancellationToken cancellationToken)
    {
        var snapshot = new DraftSnapshot(
            _sequence,
            _fields.ToDictionary(f => f.Field, f => new DraftFieldSnapshot(f.DurableVersion, f.Text.ToString())),
            _durableMetadata,
            _clock.GetUtcNow());
        // Counted from here even if the write fails: retrying on every batch would hammer a failing store,
        // and the log alone still recovers everything.
        _updatesSinceSnapshot = 0;
        try
        {
            await _log!.WriteSnapshotAsync(snapshot, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSnapshotFailed(e, Id, snapshot.Sequence);
        }
    }

    private Task WhenAllDurable() =>
        !_pending.IsEmpty ? _pending.Durable : _inFlight?.Durable ?? Task.CompletedTask;

    private async Task WhenWritesEnd()
    {
        try
        {
            await _writing;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Break has logged it and failed the callers; deactivation only waits for the loop to stop.
        }

        // WriteSnapshot logs its own failures, so this never throws.
        await _snapshotting;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Draft {DraftId}: appending batch {Sequence} failed; deactivating to reload from storage")]
    private partial void LogAppendFailed(Exception exception, string draftId, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft {DraftId}: writing the snapshot at batch {Sequence} failed; the log still holds everything")]
    private partial void LogSnapshotFailed(Exception exception, string draftId, long sequence);
}
