using System.Text.Json;
using System.Text.Json.Serialization;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Carries a JSON value as its text through Orleans, and writes it to browsers as the value itself, so a
/// change set travels as CodeMirror's JSON array without being parsed and re-serialized on the way.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var value = JsonDocument.ParseValue(ref reader);
        return value.RootElement.GetRawText();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value, skipInputValidation: true);
    }
}
