using System.Globalization;
using System.Text.Json;
using Newsroom.Core.Changes;
using Newsroom.Core.Collab;

namespace Newsroom.Core.Tests.Oracle;

/// <summary>One line of the oracle's output, with typed access to its fields.</summary>
public sealed class OracleCase(JsonElement root, string line)
{
    private const int ShownInputLength = 1_500;

    public JsonElement Root { get; } = root;

    public string Kind => Root.GetProperty("kind").GetString()!;

    public int Index => Root.GetProperty("index").GetInt32();

    public uint Seed => Root.GetProperty("seed").GetUInt32();

    public JsonElement this[string name] => Root.GetProperty(name);

    public string String(string name) => Text(Root.GetProperty(name));

    public int Int(string name) => Root.GetProperty(name).GetInt32();

    /// <summary>A JSON string's UTF-16 value; the oracle writes lone surrogates as \udxxx, which System.Text.Json will not decode.</summary>
    public static string Text(JsonElement value) => JsonStrings.Read(value);

    public static IReadOnlyList<ChangeSpec> Specs(JsonElement specs) =>
        [.. specs.EnumerateArray().Select(spec => new ChangeSpec(
            spec.GetProperty("from").GetInt32(),
            spec.TryGetProperty("to", out var to) ? to.GetInt32() : null,
            spec.TryGetProperty("insert", out var insert) ? Text(insert) : null))];

    /// <summary>Updates in the wire shape the oracle writes: <c>{"clientID": ..., "changes": "&lt;ChangeSet JSON&gt;"}</c>.</summary>
    public static IReadOnlyList<CollabUpdate> Updates(JsonElement updates) =>
        [.. updates.EnumerateArray().Select(u => new CollabUpdate(ChangeSet.FromJson(Text(u.GetProperty("changes"))), u.GetProperty("clientID").GetString()!))];

    public static string Wire(IEnumerable<CollabUpdate> updates) =>
        string.Join(" ", updates.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.ClientId}:{u.Changes.ToJson()}")));

    public static string Wire(JsonElement updates) =>
        string.Join(" ", updates.EnumerateArray().Select(u => $"{u.GetProperty("clientID").GetString()}:{Text(u.GetProperty("changes"))}"));

    public override string ToString()
    {
        var shown = line.Length <= ShownInputLength ? line : string.Concat(line.AsSpan(0, ShownInputLength), "...");
        return $"{Kind} case {Index} (case seed {Seed}): {shown}";
    }
}
