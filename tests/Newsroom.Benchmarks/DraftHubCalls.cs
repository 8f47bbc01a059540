using System.Buffers;
using System.Text;
using System.Text.Json;
using Newsroom.Core.Changes;

namespace Newsroom.Benchmarks;

/// <summary>
/// The staff hub's draft calls as SignalR's JSON protocol frames them (record separator included), for load generators
/// that speak it on raw WebSockets, and the one number they read straight from the bytes they receive.
/// </summary>
internal static class DraftHubCalls
{
    /// <summary><c>PushUpdates(draftId, field, version, [{ clientId, changes }])</c>.</summary>
    public static byte[] Push(string id, string draftId, string field, int version, string clientId, IEnumerable<ChangeSet> updates)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteCallStart(json, id, "PushUpdates", draftId, field, version);
            json.WriteStartArray();
            foreach (var changes in updates)
            {
                json.WriteStartObject();
                json.WriteString("clientId", clientId);
                json.WritePropertyName("changes");
                json.WriteRawValue(changes.ToJson(), skipInputValidation: true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Framed(buffer);
    }

    /// <summary><c>PullUpdates(draftId, field, version)</c>.</summary>
    public static byte[] Pull(string id, string draftId, string field, int version)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteCallStart(json, id, "PullUpdates", draftId, field, version);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Framed(buffer);
    }

    /// <summary>The non-negative integer that follows <paramref name="property"/> (for example <c>"fromVersion":</c>).</summary>
    /// <exception cref="InvalidOperationException"><paramref name="property"/> is not in <paramref name="json"/>.</exception>
    public static int ReadInt(ReadOnlySpan<byte> json, ReadOnlySpan<byte> property)
    {
        var at = json.IndexOf(property);
        if (at < 0)
        {
            throw new InvalidOperationException($"No {Encoding.UTF8.GetString(property)} in {Encoding.UTF8.GetString(json)}");
        }

        var value = 0;
        foreach (var digit in json[(at + property.Length)..])
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                break;
            }

            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    private static void WriteCallStart(Utf8JsonWriter json, string id, string target, string draftId, string field, int version)
    {
        json.WriteStartObject();
        json.WriteNumber("type", 1);
        json.WriteString("invocationId", id);
        json.WriteString("target", target);
        json.WriteStartArray("arguments");
        json.WriteStringValue(draftId);
        json.WriteStringValue(field);
        json.WriteNumberValue(version);
    }

    private static byte[] Framed(ArrayBufferWriter<byte> buffer)
    {
        var framed = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(framed);
        framed[^1] = 0x1e;
        return framed;
    }
}
