namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// One accepted update as stored: the field, the version it produced (the field's count of updates once it
/// is applied), the editor instance that sent it, and its change set in CodeMirror's JSON form
/// (<c>ChangeSet.ToJson()</c>, which escapes like <c>JSON.stringify</c>, lone surrogates included).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-log-entry")]
public sealed record DraftLogEntry(
    [property: Id(0)] DraftField Field,
    [property: Id(1)] int Version,
    [property: Id(2)] string ClientId,
    [property: Id(3)] string ChangesJson);
