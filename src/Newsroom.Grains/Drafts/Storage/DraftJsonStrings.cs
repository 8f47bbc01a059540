using System.Text;
using System.Text.Json;
using Newsroom.Core.Changes;

namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// JSON strings that keep lone surrogates. Draft text is UTF-16 as the browser sends it, and half of a split
/// emoji is a legal value there; System.Text.Json writes it as U+FFFD (silently losing it) and refuses to read
/// <c>"\ud83d"</c> back. The escaping itself is Core's <see cref="JsonStrings"/>; this adds the writer and the type check.
/// </summary>
internal static class DraftJsonStrings
{
    public static void Write(Utf8JsonWriter writer, string propertyName, string value)
    {
        writer.WritePropertyName(propertyName);
        WriteValue(writer, value);
    }

    public static void WriteValue(Utf8JsonWriter writer, string value)
    {
        if (HasLoneSurrogate(value))
        {
            writer.WriteRawValue(Quote(value), skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    public static string Read(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException($"Expected a string, got {value.ValueKind}.");
        }

        return JsonStrings.Read(value);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Quote(string value) => JsonStrings.AppendQuoted(new StringBuilder(value.Length + 16), value).ToString();
}
