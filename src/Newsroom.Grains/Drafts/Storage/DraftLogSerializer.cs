using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// The JSON-lines format of log segments. Property names are short and fixed: they are the stored format,
/// so renaming a C# property must never change them.
/// </summary>
internal static class DraftLogSerializer
{
    // Non-ASCII text goes out as UTF-8 rather than \u escapes, which would triple its size; none of it is
    // ever embedded in HTML, which is all the stricter default encoder protects against.
    private static readonly JsonWriterOptions _writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] WriteBatch(DraftLogBatch batch) => WriteLine(writer =>
    {
        ArgumentNullException.ThrowIfNull(batch.Updates);
        writer.WriteStartObject();
        writer.WriteNumber("s", batch.Sequence);
        writer.WriteString("t", batch.CommittedAt);
        writer.WriteStartArray("u");
        for (var i = 0; i < batch.Updates.Count; i++)
        {
            WriteEntry(writer, batch.Updates[i] ?? throw new ArgumentException($"Batch {batch.Sequence}: update {i} is null."), batch.Sequence, i);
        }

        writer.WriteEndArray();
        if (batch.Metadata is { } metadata)
        {
            writer.WritePropertyName("m");
            WriteMetadata(writer, metadata);
        }

        writer.WriteEndObject();
    });

    public static byte[] WriteBatchReference(long sequence, string blobName) => WriteLine(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("s", sequence);
        writer.WriteString("blob", blobName);
        writer.WriteEndObject();
    });

    public static byte[] WriteSegmentEnd(long nextSegment) => WriteLine(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("next", nextSegment);
        writer.WriteEndObject();
    });

    public static DraftLogRecord ReadRecord(ReadOnlyMemory<byte> line)
    {
        using var document = Parse(line);
        var json = document.RootElement;
        if (json.TryGetProperty("next", out var next))
        {
            return new DraftLogRecord(0, null, null, ReadInt64(next, "next"));
        }

        var sequence = ReadInt64(Required(json, "s"), "s");
        return json.TryGetProperty("blob", out var blob)
            ? new DraftLogRecord(sequence, null, DraftJsonStrings.Read(blob), null)
            : new DraftLogRecord(sequence, ReadBatch(json), null, null);
    }

    public static DraftLogBatch ReadBatch(ReadOnlyMemory<byte> json)
    {
        using var document = Parse(json);
        return ReadBatch(document.RootElement);
    }

    public static void WriteMetadata(Utf8JsonWriter writer, DraftMetadata metadata)
    {
        writer.WriteStartObject();
        DraftJsonStrings.Write(writer, "sec", metadata.Section);
        writer.WriteStartArray("tags");
        foreach (var tag in metadata.Tags)
        {
            DraftJsonStrings.WriteValue(writer, tag);
        }

        writer.WriteEndArray();
        DraftJsonStrings.Write(writer, "by", metadata.Byline);
        DraftJsonStrings.Write(writer, "slug", metadata.Slug);
        writer.WriteEndObject();
    }

    public static DraftMetadata ReadMetadata(JsonElement json)
    {
        var tags = Required(json, "tags");
        if (tags.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"\"tags\" must be an array, got {tags.ValueKind}.");
        }

        return new DraftMetadata(
            DraftJsonStrings.Read(Required(json, "sec")),
            [.. tags.EnumerateArray().Select(DraftJsonStrings.Read)],
            DraftJsonStrings.Read(Required(json, "by")),
            DraftJsonStrings.Read(Required(json, "slug")));
    }

    public static byte[] Write(Action<Utf8JsonWriter> write, bool newLine)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            write(writer);
        }

        if (newLine)
        {
            buffer.Write("\n"u8);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> json)
    {
        var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new InvalidDataException("Expected a JSON object.");
        }

        return document;
    }

    public static JsonElement Required(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"Property \"{name}\" is missing.");

    public static long ReadInt64(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var value) && value >= 0
            ? value
            : throw new InvalidDataException($"\"{name}\" must be a non-negative integer, got {json.GetRawText()}.");

    public static int ReadInt32(JsonElement json, string name) =>
        ReadInt64(json, name) is var value && value <= int.MaxValue
            ? (int)value
            : throw new InvalidDataException($"\"{name}\" must be at most {int.MaxValue}, got {json.GetRawText()}.");

    public static DraftField ReadField(JsonElement json) =>
        ReadInt32(json, "f") is var value && Enum.IsDefined((DraftField)value)
            ? (DraftField)value
            : throw new InvalidDataException($"\"f\" is {json.GetRawText()}, which is no draft field.");

    private static byte[] WriteLine(Action<Utf8JsonWriter> write) => Write(write, newLine: true);

    private static void WriteEntry(Utf8JsonWriter writer, DraftLogEntry entry, long sequence, int index)
    {
        writer.WriteStartObject();
        writer.WriteNumber("f", (int)entry.Field);
        writer.WriteNumber("v", entry.Version);
        DraftJsonStrings.Write(writer, "c", entry.ClientId ?? throw new ArgumentException($"Batch {sequence}: update {index} has no client id."));
        var changes = entry.ChangesJson ?? throw new ArgumentException($"Batch {sequence}: update {index} has no changes.");
        if (changes.AsSpan().ContainsAny('\n', '\r'))
        {
            throw new ArgumentException(
                $"Batch {sequence}: the changes of update {index} contain a line break; segments are JSON lines, so " +
                "changes must be compact JSON as ChangeSet.ToJson() writes it.");
        }

        writer.WritePropertyName("x");
        try
        {
            // Raw, not as a string value: it is JSON already (ChangeSet.ToJson(), lone surrogates \u-escaped), so
            // it is read back byte for byte, and no quote or bracket of it gets escaped again.
            writer.WriteRawValue(changes);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new ArgumentException($"Batch {sequence}: the changes of update {index} are not valid JSON.", e);
        }

        writer.WriteEndObject();
    }

    private static DraftLogBatch ReadBatch(JsonElement json)
    {
        var updates = Required(json, "u");
        if (updates.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"\"u\" must be an array, got {updates.ValueKind}.");
        }

        return new DraftLogBatch(
            ReadInt64(Required(json, "s"), "s"),
            [.. updates.EnumerateArray().Select(ReadEntry)],
            json.TryGetProperty("m", out var metadata) ? ReadMetadata(metadata) : null,
            Required(json, "t").GetDateTimeOffset());
    }

    private static DraftLogEntry ReadEntry(JsonElement json) => new(
        ReadField(Required(json, "f")),
        ReadInt32(Required(json, "v"), "v"),
        DraftJsonStrings.Read(Required(json, "c")),
        // The stored text exactly as written; decoding it as a string would turn lone surrogates into U+FFFD.
        Required(json, "x").GetRawText());
}
