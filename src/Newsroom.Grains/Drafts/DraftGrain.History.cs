using Microsoft.Extensions.Logging;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // Reactivation loads only the latest snapshot and the batches after it, so each field's window starts at
    // the snapshot. The updates before it are still in the log's earlier segments: the first push or pull that
    // needs them (an editor that was behind when the server went down) reads them back once, and every field
    // gets whatever that read brought. Reading them on activation instead would make every reactivation pay
    // for history that editors seldom need.
    private long _historyBefore = 1;
    private Task? _historyLoad;

    /// <summary>Makes the field's window reach back to <paramref name="version"/>, if the log holds it and the window should.</summary>
    private async Task ReachBack(DraftFieldSequencer field, int version)
    {
        while (field.NeedsHistoryFor(version) && _historyBefore > 1)
        {
            // One read at a time, shared by every request that needs it; a request it did not satisfy (another
            // field, or a failed read) starts the next.
            if (_historyLoad is not { IsCompleted: false })
            {
                _historyLoad = LoadHistory(field);
            }

            await _historyLoad;
        }
    }

    private async Task LoadHistory(DraftFieldSequencer wanted)
    {
        var before = _historyBefore;
        var reach = Math.Max(0, wanted.DurableVersion - Math.Max(1, _options.Window));
        var started = _clock.GetTimestamp();
        IReadOnlyList<DraftLogBatch> batches;
        try
        {
            batches = await _log!.LoadHistoryAsync(
                before,
                batch => batch.Updates.Any(u => u.Field == wanted.Field && u.Version <= reach + 1),
                CancellationToken.None);
        }
        catch (Exception e)
        {
            LogHistoryFailed(e, Id, before);
            // Answered as a call that ran out of time: the editor keeps its changes and tries again shortly,
            // rather than being told to reload over what may be a passing storage error.
            throw new TimeoutException($"Draft {Id} could not read its earlier updates from storage.");
        }

        // From here on one synchronous step: every field sees the history arrive at once.
        foreach (var field in _fields)
        {
            field.Prepend([.. batches.SelectMany(b => b.Updates).Where(u => u.Field == field.Field)]);
        }

        _historyBefore = batches.Count > 0 ? batches[0].Sequence : 1;
        LogHistoryRead(Id, batches.Count, batches.Sum(b => b.Updates.Count), before, _clock.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft {DraftId}: read {Batches} earlier batches ({Updates} updates) before batch {Sequence} back from the log in {Milliseconds:0.0} ms")]
    private partial void LogHistoryRead(string draftId, int batches, int updates, long sequence, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft {DraftId}: reading the batches before {Sequence} back from the log failed")]
    private partial void LogHistoryFailed(Exception exception, string draftId, long sequence);
}
