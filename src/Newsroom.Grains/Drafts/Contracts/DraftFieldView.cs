using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace Newsroom.Grains.Drafts;

/// <summary>One collaborative text as of its durable <see cref="Version"/>.</summary>
[Immutable]
public sealed record DraftFieldView(int Version, [property: JsonConverter(typeof(JsStringConverter))] string Text);

/// <summary>
/// How a <see cref="DraftFieldView"/> crosses between silos: its text as UTF-16 code units. Orleans sends a string as
/// UTF-8, which turns a lone surrogate (a JavaScript string may hold one, and so may a draft) into U+FFFD, so an editor
/// who opened the draft through another silo than its grain's would start from a different text.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-field-view")]
public struct DraftFieldViewSurrogate
{
    [Id(0)] public int Version;
    [Id(1)] public byte[] Utf16;
}

[RegisterConverter]
public sealed class DraftFieldViewSurrogateConverter : IConverter<DraftFieldView, DraftFieldViewSurrogate>
{
    public DraftFieldView ConvertFromSurrogate(in DraftFieldViewSurrogate surrogate) =>
        new(surrogate.Version, new string(MemoryMarshal.Cast<byte, char>(surrogate.Utf16)));

    public DraftFieldViewSurrogate ConvertToSurrogate(in DraftFieldView value) => new()
    {
        Version = value.Version,
        Utf16 = MemoryMarshal.AsBytes(value.Text.AsSpan()).ToArray(),
    };
}
