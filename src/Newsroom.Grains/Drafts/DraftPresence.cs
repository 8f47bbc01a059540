using Newsroom.Grains.Desk;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Who is in a draft, per connection, with their cursors: memory only, never stored. An entry lasts as long
/// as its connection keeps sending (any presence update is a heartbeat) and goes when it leaves or falls silent.
/// </summary>
internal sealed class DraftPresence
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public IReadOnlyList<DraftEditorPresence> Editors => [.. _entries.Values.Select(e => e.Editor)];

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
        var sameUser = _entries.Values.FirstOrDefault(e => string.Equals(e.Editor.UserName, user.UserName, StringComparison.OrdinalIgnoreCase));
        var badge = sameUser is not null
            ? DraftEditorBadge.For(user.UserName, user.DisplayName) with { Colour = sameUser.Editor.Colour }
            : DraftEditorBadge.For(user.UserName, user.DisplayName, [.. _entries.Values.Select(e => e.Editor.Colour)]);
        var editor = new DraftEditorPresence(connectionId, badge.UserName, badge.DisplayName, badge.Initials, badge.Colour, null, 0, 0);
        _entries[connectionId] = new Entry(editor, now);
        return (editor, true);
    }

    /// <summary>Moves the connection's cursor (joining it if needed); returns whether anything others see changed.</summary>
    public (DraftEditorPresence Editor, bool Changed, bool Joined) Move(
        string connectionId, DraftUser user, DraftCursor cursor, DateTimeOffset now)
    {
        var (editor, joined) = Join(connectionId, user, now);
        var moved = editor with { Field = cursor.Field, Anchor = cursor.Anchor, Head = cursor.Head, Version = cursor.Version ?? 0 };
        if (moved == editor)
        {
            return (editor, joined, joined);
        }

        _entries[connectionId].Editor = moved;
        return (moved, true, joined);
    }

    public bool Remove(string connectionId) => _entries.Remove(connectionId);

    /// <summary>Removes the entries not heard from since <paramref name="cutoff"/> and returns their connection ids.</summary>
    public List<string> Expire(DateTimeOffset cutoff)
    {
        var expired = _entries.Where(e => e.Value.SeenAt < cutoff).Select(e => e.Key).ToList();
        foreach (var connectionId in expired)
        {
            _entries.Remove(connectionId);
        }

        return expired;
    }

    public void Clear() => _entries.Clear();

    private sealed class Entry(DraftEditorPresence editor, DateTimeOffset seenAt)
    {
        public DraftEditorPresence Editor { get; set; } = editor;

        public DateTimeOffset SeenAt { get; set; } = seenAt;
    }
}
