using System.Text.Json;
using System.Text.Json.Serialization;

namespace Newsroom.Testing;

/// <summary>
/// Sends a string holding JSON as the JSON value itself, untouched: change sets may hold lone surrogates
/// (escaped as <c>\udxxx</c>), which re-encoding a parsed value would reject.
/// </summary>
public sealed class RawJson : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        return value.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value, skipInputValidation: true);
}
