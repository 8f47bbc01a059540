using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Writes a string as <c>JSON.stringify</c> would, lone surrogates as <c>\udxxx</c>. System.Text.Json would
/// replace them with U+FFFD, and a draft text may hold half of an emoji (a remote edit can split one), so
/// a browser loading it would start from a text that differs from the server's by that one code unit.
/// </summary>
public sealed class JsStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var json = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                json.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c) || c < ' ')
            {
                json.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                });
            }
            else if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else
            {
                json.Append(c);
            }
        }

        writer.WriteRawValue(json.Append('"').ToString(), skipInputValidation: true);
    }
}
