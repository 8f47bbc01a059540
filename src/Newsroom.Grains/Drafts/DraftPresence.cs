using Newsroom.Grains.Desk;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Who is in a draft, per connection, with their cursors: memory only, never stored. An entry lasts as long
/// as its connection keeps sending (any presence update is a heartbeat) and goes when it leaves or falls silent.
/// What others should hear collects here between broadcasts (<see cref="TakeChanges"/>), so a crowd joining at
/// once costs every listener one message per interval, not one per join.
/// </summary>
internal sealed class DraftPresence
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DraftEditorPresence> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _left = new(StringComparer.Ordinal);
    // Counted as people come and go, so a crowd joining costs each newcomer the palette, not a look at everyone.
    private readonly Dictionary<string, int> _tabsByUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _colourByUser = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _coloursWorn = new(StringComparer.OrdinalIgnoreCase);
    private long _activity;

    public int Count => _entries.Count;

    /// <summary>Whether anything others should hear happened since the last <see cref="TakeChanges"/>.</summary>
    public bool HasChanges => _changed.Count > 0 || _left.Count > 0;

    /// <summary>Whether someone came or went since the last <see cref="TakeChanges"/>, which the desk's badges show.</summary>
    public bool PeopleChanged { get; private set; }

    /// <summary>The <paramref name="max"/> connections most recently active (joined or moved), most recent first.</summary>
    public IReadOnlyList<DraftEditorPresence> MostRecentlyActive(int max) =>
        [.. _entries.Values.OrderByDescending(e => e.ActiveAt).Take(max).Select(e => e.Editor)];

    /// <summary>One badge per user, however many tabs they have open, in name order.</summary>
    public IReadOnlyList<DraftEditorBadge> Badges =>
    [
        .. _entries.Values
            .GroupBy(e => e.Editor.UserName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First().Editor)
            .OrderBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase)
            .Select(e => new DraftEditorBadge(e.UserName, e.DisplayName, e.Initials, e.Colour)),
    ];

    public bool Contains(string connectionId) => _entries.ContainsKey(connectionId);

    /// <summary>Records the connection, keeping its cursor if it has one; returns the entry and whether it is new.</summary>
    public (DraftEditorPresence Editor, bool Joined) Join(string connectionId, DraftUser user, DateTimeOffset now)
    {
        if (_entries.TryGetValue(connectionId, out var entry))
        {
            entry.SeenAt = now;
            return (entry.Editor, false);
        }

        // Another tab of the same person keeps their colour; anyone else gets one nobody present is wearing.
        var badge = _colourByUser.TryGetValue(user.UserName, out var worn)
            ? DraftEditorBadge.For(user.UserName, user.DisplayName) with { Colour = worn }
            : DraftEditorBadge.For(user.UserName, user.DisplayName, _coloursWorn.Keys);
        var editor = new DraftEditorPresence(connectionId, badge.UserName, badge.DisplayName, badge.Initials, badge.Colour, null, 0, 0);
        _entries[connectionId] = new Entry(editor, now, ++_activity);
        Tally(_tabsByUser, user.UserName, +1);
        _colourByUser[user.UserName] = editor.Colour;
        Tally(_coloursWorn, editor.Colour, +1);
        _changed[connectionId] = editor;
        _left.Remove(connectionId);
        PeopleChanged = true;
        return (editor, true);
    }

    /// <summary>
    /// Moves the connection's cursor (joining it if needed). <paramref name="shownAt"/> is where others already show
    /// the old cursor, carried through the changes since; a move that lands there is a heartbeat and tells nobody.
    /// </summary>
    public void Move(string connectionId, DraftUser user, DraftCursor cursor, Func<DraftEditorPresence, DraftEditorPresence> shownAt, DateTimeOffset now)
    {
        var (editor, joined) = Join(connectionId, user, now);
        var moved = editor with { Field = cursor.Field, Anchor = cursor.Anchor, Head = cursor.Head, Version = cursor.Version ?? 0 };
        var entry = _entries[connectionId];
        entry.Editor = moved;
        if (joined || editor.Field is null || shownAt(editor) != moved)
        {
            entry.ActiveAt = ++_activity;
            _changed[connectionId] = moved;
        }
    }

    public bool Remove(string connectionId)
    {
        if (!_entries.Remove(connectionId, out var entry))
        {
            return false;
        }

        Forget(connectionId, entry);
        return true;
    }

    /// <summary>Removes the entries not heard from since <paramref name="cutoff"/>.</summary>
    public void Expire(DateTimeOffset cutoff)
    {
        foreach (var (connectionId, entry) in _entries.Where(e => e.Value.SeenAt < cutoff).ToList())
        {
            _entries.Remove(connectionId);
            Forget(connectionId, entry);
        }
    }

    /// <summary>
    /// Everything others should hear since the last call: who joined or moved (as they are now, cursors carried to
    /// the texts others have by <paramref name="now"/>), and who went.
    /// </summary>
    public DraftPresenceChanges TakeChanges(Func<DraftEditorPresence, DraftEditorPresence> now)
    {
        var changes = new DraftPresenceChanges([.. _changed.Values.Select(now)], [.. _left], _entries.Count);
        _changed.Clear();
        _left.Clear();
        PeopleChanged = false;
        return changes;
    }

    public void Clear()
    {
        _entries.Clear();
        _tabsByUser.Clear();
        _colourByUser.Clear();
        _coloursWorn.Clear();
        _changed.Clear();
        _left.Clear();
    }

    private static int Tally(Dictionary<string, int> counts, string key, int by)
    {
        var count = counts.GetValueOrDefault(key) + by;
        if (count == 0)
        {
            counts.Remove(key);
        }
        else
        {
            counts[key] = count;
        }

        return count;
    }

    // A listener may have been shown the connection (a view, or an earlier message), so its going is always told.
    private void Forget(string connectionId, Entry entry)
    {
        if (Tally(_tabsByUser, entry.Editor.UserName, -1) == 0)
        {
            _colourByUser.Remove(entry.Editor.UserName);
        }

        Tally(_coloursWorn, entry.Editor.Colour, -1);
        _changed.Remove(connectionId);
        _left.Add(connectionId);
        PeopleChanged = true;
    }

    private sealed class Entry(DraftEditorPresence editor, DateTimeOffset seenAt, long activeAt)
    {
        public DraftEditorPresence Editor { get; set; } = editor;

        public DateTimeOffset SeenAt { get; set; } = seenAt;

        public long ActiveAt { get; set; } = activeAt;
    }
}
