using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Newsroom.Core.Changes;

/// <summary>
/// JSON strings as JavaScript sees them: UTF-16 code units, where a lone surrogate is a legal value.
/// </summary>
public static class JsonStrings
{
    /// <summary>
    /// A JSON string's UTF-16 value, lone surrogates included: System.Text.Json refuses to decode
    /// <c>"\ud83d"</c>, which <c>JSON.stringify</c> writes for half of a split emoji.
    /// </summary>
    public static string Read(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return Unescape(value.GetRawText());
        }
    }

    /// <summary>Appends <paramref name="value"/> as a quoted JSON string, escaped exactly as <c>JSON.stringify</c> does.</summary>
    public static StringBuilder AppendQuoted(StringBuilder json, string value)
    {
        json.Append('"');
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ when char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) => null,
                _ when char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                _ => null,
            };
            if (escape is null)
            {
                if (char.IsHighSurrogate(c))
                {
                    i++;
                }

                continue;
            }

            json.Append(value, start, i - start).Append(escape);
            start = i + 1;
        }

        return json.Append(value, start, value.Length - start).Append('"');
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
