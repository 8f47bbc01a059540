namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // Two timers, each alive only while needed: one tells the gathered presence changes at most once per
    // PresenceInterval, one expires silent connections while anyone is present.
    private IGrainTimer? _presenceTimer;
    private IGrainTimer? _presenceTelling;

    public Task UpdatePresence(string connectionId, DraftUser user, DraftCursor cursor)
    {
        EnsureExists();
        ArgumentNullException.ThrowIfNull(cursor);
        var field = DraftFields.Parse(cursor.Field);

        if (cursor.Anchor < 0 || cursor.Head < 0)
        {
            throw new DraftException($"Cursor positions may not be negative; got anchor {cursor.Anchor}, head {cursor.Head}.");
        }

        if (cursor.Version < 0)
        {
            throw new DraftException($"A cursor's version may not be negative; got {cursor.Version}.");
        }

        // Moved to the durable version everyone receives, so a caret sent while others typed lands where its
        // owner sees it; clamped rather than refused when it cannot be mapped (no version, or one the window
        // has dropped), as clients map it through later changes anyway.
        var sequencer = FieldOf(field);
        _presence.Move(
            connectionId,
            user,
            new DraftCursor(
                cursor.Field!,
                sequencer.MapToDurable(cursor.Version, cursor.Anchor),
                sequencer.MapToDurable(cursor.Version, cursor.Head),
                sequencer.DurableVersion),
            EditorNow,
            _clock.GetUtcNow());
        PresenceChanged();
        return Task.CompletedTask;
    }

    public Task Leave(string connectionId)
    {
        if (_presence.Remove(connectionId))
        {
            PresenceChanged();
        }

        return Task.CompletedTask;
    }

    // A cursor as of the durable texts the view carries: it was stored at the version it arrived at. Mapped as
    // every client maps it, so a caret that only moved with the text is where others already show it.
    private DraftEditorPresence EditorNow(DraftEditorPresence editor)
    {
        if (editor.Field is null || !DraftFields.TryParse(editor.Field, out var field))
        {
            return editor;
        }

        var sequencer = FieldOf(field.Value);
        return editor with
        {
            Anchor = sequencer.MapToDurable(editor.Version, editor.Anchor),
            Head = sequencer.MapToDurable(editor.Version, editor.Head),
            Version = sequencer.DurableVersion,
        };
    }

    private void PresenceChanged()
    {
        if (_presence.HasChanges && _presenceTelling is null)
        {
            _presenceTelling = this.RegisterGrainTimer(
                TellPresence, new GrainTimerCreationOptions(_options.PresenceInterval, Timeout.InfiniteTimeSpan) { Interleave = true });
        }

        if (_presence.Count > 0 && _presenceTimer is null)
        {
            var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, _options.PresenceExpiry.Ticks / 4));
            _presenceTimer = this.RegisterGrainTimer(ExpirePresence, new GrainTimerCreationOptions(period, period) { Interleave = true });
        }
        else if (_presence.Count == 0)
        {
            _presenceTimer?.Dispose();
            _presenceTimer = null;
        }
    }

    // Clients order updates by each field's version (fromVersion), not by the channel's: presence needs no order
    // beyond arriving after the view it follows.
    private Task TellPresence(CancellationToken cancellationToken)
    {
        _presenceTelling?.Dispose();
        _presenceTelling = null;
        if (!_presence.HasChanges)
        {
            return Task.CompletedTask;
        }

        var peopleChanged = _presence.PeopleChanged;
        _channel.Publish(_presence.TakeChanges(EditorNow));
        if (peopleChanged)
        {
            SendToDesk();
        }

        return Task.CompletedTask;
    }

    private Task ExpirePresence(CancellationToken cancellationToken)
    {
        _presence.Expire(_clock.GetUtcNow() - _options.PresenceExpiry);
        PresenceChanged();
        return Task.CompletedTask;
    }
}
