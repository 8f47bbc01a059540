using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    private IGrainTimer? _presenceTimer;

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
        var (editor, changed, joined) = _presence.Move(
            connectionId,
            user,
            new DraftCursor(
                cursor.Field!,
                sequencer.MapToDurable(cursor.Version, cursor.Anchor),
                sequencer.MapToDurable(cursor.Version, cursor.Head),
                sequencer.DurableVersion),
            _clock.GetUtcNow());
        if (joined)
        {
            PresenceJoined(editor);
        }
        else if (changed)
        {
            PublishPresence(new DraftPresenceChanged(editor));
        }

        return Task.CompletedTask;
    }

    public Task Leave(string connectionId)
    {
        if (_presence.Remove(connectionId))
        {
            PresenceLeft([connectionId]);
        }

        return Task.CompletedTask;
    }

    // A cursor as of the durable texts the view carries: it was stored at the version it arrived at.
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

    private void PresenceJoined(DraftEditorPresence editor)
    {
        PublishPresence(new DraftPresenceChanged(editor));
        SendToDesk();
        if (_presenceTimer is null)
        {
            var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(50).Ticks, _options.PresenceExpiry.Ticks / 4));
            _presenceTimer = this.RegisterGrainTimer(ExpirePresence, new GrainTimerCreationOptions(period, period) { Interleave = true });
        }
    }

    private void PresenceLeft(IEnumerable<string> connectionIds)
    {
        foreach (var connectionId in connectionIds)
        {
            PublishPresence(new DraftPresenceLeft(connectionId));
        }

        SendToDesk();
        if (_presence.Count == 0)
        {
            _presenceTimer?.Dispose();
            _presenceTimer = null;
        }
    }

    private Task ExpirePresence(CancellationToken cancellationToken)
    {
        var expired = _presence.Expire(_clock.GetUtcNow() - _options.PresenceExpiry);
        if (expired.Count > 0)
        {
            PresenceLeft(expired);
        }

        return Task.CompletedTask;
    }

    // Clients order updates by each field's version (fromVersion), not by the channel's: presence needs no order
    // beyond arriving after the view it follows.
    private void PublishPresence(NewsroomEvent e) => _channel.Publish(e);
}
