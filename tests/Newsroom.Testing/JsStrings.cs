using System.Text.Json;
using Newsroom.Core.Changes;

namespace Newsroom.Testing;

/// <summary>Reads JSON strings as JavaScript does, lone surrogates included (System.Text.Json refuses those).</summary>
public static class JsStrings
{
    public static string Read(JsonElement value) =>
        // The change-set reader decodes strings the way JSON.parse does; an insertion into an empty
        // document yields exactly the string.
        ChangeSet.FromJson($"[[0,{value.GetRawText()}]]").Apply("");
}
