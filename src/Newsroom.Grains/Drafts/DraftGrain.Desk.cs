using Newsroom.Grains.Desk;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // The desk hears about edits at most once per DeskThrottle, from a timer, never from inside a push's
    // wait; joins and leaves go at once (they are rare). Calls are one-way, so a busy desk never slows a draft.
    private IGrainTimer? _deskTimer;
    private DateTimeOffset _deskSentAt = DateTimeOffset.MinValue;

    private void NoteChangeForDesk()
    {
        if (_deskTimer is not null)
        {
            return;
        }

        var due = _deskSentAt + _options.DeskThrottle - _clock.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            SendToDesk();
            return;
        }

        _deskTimer = this.RegisterGrainTimer(
            _ =>
            {
                _deskTimer?.Dispose();
                _deskTimer = null;
                SendToDesk();
                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private void SendToDesk()
    {
        // Drafts whose silo stops (editors leaving as their connections close, a throttled change) would tell a desk
        // that may be gone and cannot be placed again. The editors rejoin elsewhere and tell the desk afresh; any
        // later change sends the whole summary again.
        if (_departure.LeavesNowhereToPlace)
        {
            return;
        }

        _deskSentAt = _clock.GetUtcNow();
        TellDesk();
    }

    // Outside the throttle: the first edit after a load still reaches the desk at once.
    private void TellDesk() => GrainFactory.GetGrain<IDeskGrain>(IDeskGrain.Newsroom).DraftChanged(Summary()).Ignore();
}
