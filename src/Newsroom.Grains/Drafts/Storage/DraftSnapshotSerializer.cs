using System.Text.Json;

namespace Newsroom.Grains.Drafts.Storage;

/// <summary>The stored forms of a snapshot and of the pointer to the newest one; short, fixed property names.</summary>
internal static class DraftSnapshotSerializer
{
    public static byte[] WriteSnapshot(DraftSnapshot snapshot, long startSegment) => DraftLogSerializer.Write(writer =>
    {
        ArgumentNullException.ThrowIfNull(snapshot.Fields);
        ArgumentNullException.ThrowIfNull(snapshot.Metadata);
        writer.WriteStartObject();
        writer.WriteNumber("s", snapshot.Sequence);
        writer.WriteNumber("seg", startSegment);
        writer.WriteString("t", snapshot.TakenAt);
        writer.WritePropertyName("m");
        DraftLogSerializer.WriteMetadata(writer, snapshot.Metadata);
        writer.WriteStartArray("f");
        foreach (var (field, value) in snapshot.Fields.OrderBy(f => f.Key))
        {
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteStartObject();
            writer.WriteNumber("f", (int)field);
            writer.WriteNumber("v", value.Version);
            DraftJsonStrings.Write(writer, "x", value.Text ?? throw new ArgumentException($"Snapshot {snapshot.Sequence}: {field} has no text."));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }, newLine: false);

    public static (DraftSnapshot Snapshot, long StartSegment) ReadSnapshot(ReadOnlyMemory<byte> content)
    {
        using var document = DraftLogSerializer.Parse(content);
        var json = document.RootElement;
        var fieldsJson = DraftLogSerializer.Required(json, "f");
        if (fieldsJson.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"\"f\" must be an array, got {fieldsJson.ValueKind}.");
        }

        var fields = new Dictionary<DraftField, DraftFieldSnapshot>();
        foreach (var field in fieldsJson.EnumerateArray())
        {
            var name = DraftLogSerializer.ReadField(DraftLogSerializer.Required(field, "f"));
            var snapshot = new DraftFieldSnapshot(
                DraftLogSerializer.ReadInt32(DraftLogSerializer.Required(field, "v"), "v"),
                DraftJsonStrings.Read(DraftLogSerializer.Required(field, "x")));
            if (!fields.TryAdd(name, snapshot))
            {
                throw new InvalidDataException($"Field {name} appears twice.");
            }
        }

        return (
            new DraftSnapshot(
                DraftLogSerializer.ReadInt64(DraftLogSerializer.Required(json, "s"), "s"),
                fields,
                DraftLogSerializer.ReadMetadata(DraftLogSerializer.Required(json, "m")),
                DraftLogSerializer.Required(json, "t").GetDateTimeOffset()),
            DraftLogSerializer.ReadInt64(DraftLogSerializer.Required(json, "seg"), "seg"));
    }

    public static byte[] WritePointer(long sequence) => DraftLogSerializer.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("s", sequence);
        writer.WriteEndObject();
    }, newLine: false);

    public static long ReadPointer(ReadOnlyMemory<byte> content)
    {
        using var document = DraftLogSerializer.Parse(content);
        return DraftLogSerializer.ReadInt64(DraftLogSerializer.Required(document.RootElement, "s"), "s");
    }
}
