using System.Buffers;
using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// Notifications delivered to several inboxes, in one row: each notification once, and per delivery the inbox, the
/// channel version it reached and which notifications it took. A fan-out writes one such row per partition (a
/// <c>pack|</c> row) instead of one row per inbox; settling later moves each inbox's share into a row of its own (a
/// <c>b-</c> bucket, <see cref="TableInboxStore"/>), keeping the time each pack was stored. The content is UTF-8 JSON
/// compressed with gzip, cut into binary columns <c>P0</c>, <c>P1</c>, … (a column holds at most 64 KiB, a row at most
/// 1 MiB; <see cref="MaxBytes"/> counts the JSON before it is compressed). A delivery
/// always fits an empty pack: <see cref="NotificationLimits.MaxBatch"/> notifications of the longest parts, every
/// character escaped, take about 520 KB.
/// </summary>
internal sealed class InboxPack
{
    /// <summary>What a pack may hold, well under a row's 1 MiB.</summary>
    public const int MaxBytes = 800_000;

    private const int ColumnBytes = 60_000;
    private const int Columns = (MaxBytes / ColumnBytes) + 1;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly List<PackNote> _notes = [];
    private readonly Dictionary<string, int> _noteIndex = new(StringComparer.Ordinal);
    private readonly List<PackedDelivery> _deliveries = [];
    private int _bytes = 64;

    /// <summary>The deliveries held, in the order added.</summary>
    public IReadOnlyList<PackedDelivery> Deliveries => _deliveries;

    /// <summary>About what the content takes as JSON (each notification counted once).</summary>
    public int Bytes => _bytes;

    /// <summary>Adds a delivery when the pack stays within <see cref="MaxBytes"/> (an empty pack takes any one delivery).</summary>
    public bool TryAdd(string inbox, IReadOnlyList<InboxEntry> entries, long version, DateTimeOffset? storedAt = null) =>
        TryAdd(inbox, [.. entries.Select(e => _noteIndex.TryGetValue(e.Id, out var n) ? _notes[n] : PackNote.Of(e))], version, storedAt);

    /// <summary>Adds a delivery of notifications held by another pack: each one's JSON is made once, by the first.</summary>
    public bool TryAdd(string inbox, IReadOnlyList<PackNote> notes, long version, DateTimeOffset? storedAt = null)
    {
        if (_noteIndex.Count < _notes.Count)
        {
            // Read back: its notifications are indexed only when it is added to.
            for (var n = 0; n < _notes.Count; n++)
            {
                _noteIndex.TryAdd(_notes[n].Id, n);
            }
        }

        var newNotes = notes.Where(n => !_noteIndex.ContainsKey(n.Id)).DistinctBy(n => n.Id).ToList();
        var bytes = DeliveryBytes(inbox, notes.Count) + newNotes.Sum(n => n.Json.Length + 1);
        if (_deliveries.Count > 0 && _bytes + bytes > MaxBytes)
        {
            return false;
        }

        foreach (var note in newNotes)
        {
            _noteIndex[note.Id] = _notes.Count;
            _notes.Add(note);
        }

        _deliveries.Add(new PackedDelivery(inbox, version, [.. notes.Select(n => _noteIndex[n.Id])], storedAt));
        _bytes += bytes;
        return true;
    }

    /// <summary>The notifications <paramref name="delivery"/> took.</summary>
    public IEnumerable<PackNote> NotesOf(PackedDelivery delivery) => delivery.Notes.Where(n => n >= 0 && n < _notes.Count).Select(n => _notes[n]);

    /// <summary>The entries <paramref name="delivery"/> holds, unread.</summary>
    public IEnumerable<InboxEntry> EntriesOf(PackedDelivery delivery) => NotesOf(delivery).Select(n => new InboxEntry(n.Id, n.Notification, Read: false));

    /// <summary>Writes the content into <paramref name="row"/>'s columns and returns it.</summary>
    public TableEntity WriteTo(TableEntity row)
    {
        var content = new ArrayBufferWriter<byte>(_bytes + 1024);
        using (var writer = new Utf8JsonWriter(content))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("notes");
            foreach (var note in _notes)
            {
                writer.WriteRawValue(note.Json, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("deliveries");
            JsonSerializer.Serialize(writer, _deliveries, _json);
            writer.WriteEndObject();
        }

        var bytes = Compressed(content.WrittenSpan);
        for (var (offset, column) = (0, 0); offset < bytes.Length; offset += ColumnBytes, column++)
        {
            row[$"P{column}"] = bytes[offset..Math.Min(bytes.Length, offset + ColumnBytes)];
        }

        return row;
    }

    /// <summary>
    /// The pack in <paramref name="row"/>; <paramref name="storedAt"/> (the row's time) fills in deliveries that lack
    /// one. Each notification is made (its id, its JSON) only when a delivery that took it is read.
    /// </summary>
    public static InboxPack Read(TableEntity row, DateTimeOffset? storedAt = null)
    {
        var bytes = ContentOf(row);
        var content = JsonSerializer.Deserialize<PackedContent>(bytes, _json)
            ?? throw new InvalidDataException($"Row {row.RowKey} holds no pack.");
        var pack = new InboxPack();
        pack._notes.AddRange(content.Notes.Select(n => new PackNote(n)));
        pack._deliveries.AddRange(content.Deliveries.Select(d => d with { StoredAt = d.StoredAt ?? storedAt }));
        pack._bytes = bytes.Length;
        return pack;
    }

    /// <summary>The content's JSON in <paramref name="row"/>: gzip, or (rows of earlier builds) the JSON itself.</summary>
    public static byte[] ContentOf(TableEntity row)
    {
        using var stored = new MemoryStream();
        for (var column = 0; column < Columns && row.GetBinary($"P{column}") is { } part; column++)
        {
            stored.Write(part);
        }

        if (stored.Length < 2 || stored.GetBuffer()[0] != 0x1f || stored.GetBuffer()[1] != 0x8b)
        {
            return stored.ToArray();
        }

        stored.Position = 0;
        using var gzip = new GZipStream(stored, CompressionMode.Decompress);
        using var json = new MemoryStream();
        gzip.CopyTo(json);
        return json.ToArray();
    }

    // Stored as gzip: an inbox's bucket repeats a story's title, link and names in each notification, and comes out an
    // eighth of its size (measured on a benchmark's buckets); a pack, about a quarter. Azurite, which saves its whole
    // database every few seconds, and Azure's row limit both count what is stored.
    private static byte[] Compressed(ReadOnlySpan<byte> json)
    {
        using var stored = new MemoryStream();
        using (var gzip = new GZipStream(stored, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return stored.ToArray();
    }

    /// <summary>The columns a pack's content takes, to read it back alone.</summary>
    public static IReadOnlyList<string> ColumnNames { get; } = [.. Enumerable.Range(0, Columns).Select(c => $"P{c}")];

    // At most what a delivery takes as JSON: its inbox (InboxKey: ASCII letters, digits and ".-_:", none escaped), a
    // version and a time of the longest, each index of five digits and a comma.
    private static int DeliveryBytes(string inbox, int notes) => inbox.Length + 120 + (notes * 6);

    internal static byte[] JsonOf(PackedNote note) => JsonSerializer.SerializeToUtf8Bytes(note, _json);

    private sealed record PackedContent(List<PackedNote> Notes, List<PackedDelivery> Deliveries);
}

/// <summary>
/// One notification in a pack: its id, itself and its JSON, each made once, when first asked for (a pack read back
/// makes only those of the deliveries read).
/// </summary>
internal sealed class PackNote
{
    private readonly PackedNote _packed;
    private string? _id;
    private Notification? _notification;
    private byte[]? _json;

    public PackNote(PackedNote packed) => _packed = packed;

    private PackNote(InboxEntry entry)
    {
        _packed = PackedNote.Of(entry.Notification);
        _id = entry.Id;
        _notification = entry.Notification;
    }

    public static PackNote Of(InboxEntry entry) => new(entry);

    public string Id => _id ??= InboxEntryId.Of(Notification);

    public Notification Notification => _notification ??= _packed.ToNotification();

    public byte[] Json => _json ??= InboxPack.JsonOf(_packed);
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
