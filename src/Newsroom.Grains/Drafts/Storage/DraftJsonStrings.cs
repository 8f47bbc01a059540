using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// JSON strings that keep lone surrogates. Draft text is UTF-16 as the browser sends it, and half of a split
/// emoji is a legal value there; System.Text.Json writes it as U+FFFD (silently losing it) and refuses to read
/// <c>"\ud83d"</c> back. Same escapes as <c>Newsroom.Core.Changes.JsonStrings</c>, which is internal to Core.
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

        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
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

    private static string Quote(string value)
    {
        var json = new StringBuilder(value.Length + 16).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                json.Append(c).Append(value[++i]);
                continue;
            }

            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' or (>= '\ud800' and <= '\udfff') => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => json.Append(c),
            };
        }

        return json.Append('"').ToString();
    }

    private static string Unescape(string quoted)
    {
        // The parser has already checked the escapes, so this only has to decode them.
        var text = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length - 1; i++)
        {
            var c = quoted[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            c = quoted[++i];
            text.Append(c switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(quoted.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                _ => c,
            });
            if (c == 'u')
            {
                i += 4;
            }
        }

        return text.ToString();
    }
}
