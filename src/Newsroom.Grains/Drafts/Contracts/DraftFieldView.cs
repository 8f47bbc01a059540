using System.Text.Json.Serialization;

namespace Newsroom.Grains.Drafts;

/// <summary>One collaborative text as of its durable <see cref="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-field-view")]
public sealed record DraftFieldView(
    [property: Id(0)] int Version,
    [property: Id(1), JsonConverter(typeof(JsStringConverter))] string Text);
