using System.Text.Json.Serialization;

namespace Newsroom.Testing;

/// <summary>An update as the staff hub's <c>PushUpdates</c> takes it: <c>{ clientId, changes }</c>, changes being CodeMirror's JSON.</summary>
public sealed record WireUpdate(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("changes"), JsonConverter(typeof(RawJson))] string Changes);
