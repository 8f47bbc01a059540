using System.Text.Json.Serialization;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// One collab update on the wire: the editor instance that made it and its change set as CodeMirror's JSON
/// (<c>changes.toJSON()</c>), which browsers see as the array itself.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-update")]
public sealed record DraftUpdate(
    [property: Id(0)] string ClientId,
    [property: Id(1), JsonPropertyName("changes"), JsonConverter(typeof(RawJsonConverter))] string ChangesJson);
