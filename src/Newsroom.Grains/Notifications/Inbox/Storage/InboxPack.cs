using System.Text.Json;
using Azure.Data.Tables;
using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// Notifications delivered to several inboxes, in one row: each notification once, and per delivery the inbox, the
/// channel version it reached and which notifications it took. A fan-out writes one such row per partition (a
/// <c>pack|</c> row) instead of one row per inbox; settling later moves each inbox's share into a row of its own (a
/// <c>b-</c> bucket, <see cref="TableInboxStore"/>), keeping the time each pack was stored. The content is UTF-8 JSON
/// cut into binary columns <c>P0</c>, <c>P1</c>, … (a column holds at most 64 KiB, a row at most 1 MiB).
/// </summary>
internal sealed class InboxPack
{
    /// <summary>What a pack may hold, well under a row's 1 MiB.</summary>
    public const int MaxBytes = 800_000;

    private const int ColumnBytes = 60_000;
    private const int Columns = (MaxBytes / ColumnBytes) + 1;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly List<PackedNote> _notes = [];
    private readonly Dictionary<string, int> _noteIndex = new(StringComparer.Ordinal);
    private readonly List<PackedDelivery> _deliveries = [];
    private int _bytes = 64;

    /// <summary>The deliveries held, in the order added.</summary>
    public IReadOnlyList<PackedDelivery> Deliveries => _deliveries;

    /// <summary>About what the content takes as JSON (each notification counted once).</summary>
    public int Bytes => _bytes;

    /// <summary>What <paramref name="entries"/> would add to a pack that holds none of their notifications yet.</summary>
    public static int BytesOf(string inbox, IReadOnlyList<InboxEntry> entries) =>
        Overhead(inbox, entries.Count) + entries.Sum(e => JsonSerializer.SerializeToUtf8Bytes(PackedNote.Of(e.Notification), _json).Length + 1);

    /// <summary>Adds a delivery when the pack stays within <see cref="MaxBytes"/> (an empty pack takes any one delivery).</summary>
    public bool TryAdd(string inbox, IReadOnlyList<InboxEntry> entries, long version, DateTimeOffset? storedAt = null)
    {
        var newNotes = entries.Where(e => !_noteIndex.ContainsKey(e.Id)).Select(e => (e.Id, Note: PackedNote.Of(e.Notification))).ToList();
        var bytes = Overhead(inbox, entries.Count) + newNotes.Sum(n => JsonSerializer.SerializeToUtf8Bytes(n.Note, _json).Length + 1);
        if (_deliveries.Count > 0 && _bytes + bytes > MaxBytes)
        {
            return false;
        }

        foreach (var (id, note) in newNotes)
        {
            _noteIndex[id] = _notes.Count;
            _notes.Add(note);
        }

        _deliveries.Add(new PackedDelivery(inbox, version, [.. entries.Select(e => _noteIndex[e.Id])], storedAt));
        _bytes += bytes;
        return true;
    }

    /// <summary>The entries <paramref name="delivery"/> holds, unread.</summary>
    public IEnumerable<InboxEntry> EntriesOf(PackedDelivery delivery) =>
        delivery.Notes.Where(n => n >= 0 && n < _notes.Count).Select(n => _notes[n].ToNotification()).Select(n => new InboxEntry(InboxEntryId.Of(n), n, Read: false));

    /// <summary>Writes the content into <paramref name="row"/>'s columns and returns it.</summary>
    public TableEntity WriteTo(TableEntity row)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new PackedContent(_notes, _deliveries), _json);
        for (var (offset, column) = (0, 0); offset < bytes.Length; offset += ColumnBytes, column++)
        {
            row[$"P{column}"] = bytes[offset..Math.Min(bytes.Length, offset + ColumnBytes)];
        }

        return row;
    }

    /// <summary>The pack in <paramref name="row"/>; <paramref name="storedAt"/> (the row's time) fills in deliveries that lack one.</summary>
    public static InboxPack Read(TableEntity row, DateTimeOffset? storedAt = null)
    {
        var bytes = new List<byte>();
        for (var column = 0; column < Columns && row.GetBinary($"P{column}") is { } part; column++)
        {
            bytes.AddRange(part);
        }

        var content = JsonSerializer.Deserialize<PackedContent>(bytes.ToArray(), _json)
            ?? throw new InvalidDataException($"Row {row.RowKey} holds no pack.");
        var pack = new InboxPack();
        pack._notes.AddRange(content.Notes);
        pack._deliveries.AddRange(content.Deliveries.Select(d => d with { StoredAt = d.StoredAt ?? storedAt }));
        for (var n = 0; n < pack._notes.Count; n++)
        {
            pack._noteIndex.TryAdd(InboxEntryId.Of(pack._notes[n].ToNotification()), n);
        }

        return pack;
    }

    /// <summary>The columns a pack's content takes, to read it back alone.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Enumerable.Range(0, Columns).Select(c => $"P{c}")];

    private static int Overhead(string inbox, int entries) => inbox.Length + 48 + (entries * 4);

    private sealed record PackedContent(List<PackedNote> Notes, List<PackedDelivery> Deliveries);
}

/// <summary>One delivery in a pack: the inbox, the version it reached, the pack's notifications it took (by index), and when it was stored.</summary>
internal sealed record PackedDelivery(string Inbox, long Version, int[] Notes, DateTimeOffset? StoredAt);

/// <summary>A notification's parts, as <see cref="NotificationRow"/> keeps them in columns.</summary>
internal sealed record PackedNote(string EventId, string Kind, string Title, string Excerpt, string Link, string ActorId, string ActorName, DateTimeOffset At)
{
    public static PackedNote Of(Notification n) =>
        new(n.EventId, n.Kind.ToString(), n.Title, n.Excerpt, n.Link, n.Actor.Id, n.Actor.DisplayName, n.At);

    public Notification ToNotification() =>
        new(EventId, Enum.Parse<NotificationKind>(Kind), Title, Excerpt, Link, new NotificationActor(ActorId, ActorName), At);
}
