using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Newsroom.Core.Changes;

/// <summary>
/// Codemirror's JSON formats for <see cref="ChangeSet"/> and <see cref="ChangeDesc"/>, written the way
/// <c>JSON.stringify</c> writes them (same escapes, lone surrogates kept as <c>\udxxx</c>) and read
/// with full validation.
/// </summary>
/// <remarks>
/// Reading normalizes the sections as codemirror's own builders would have produced them (empty
/// sections dropped, neighbours of the same kind merged). Everything codemirror writes is already in
/// that form, so its output round-trips exactly; hand-made input cannot smuggle in an empty section,
/// which codemirror's compose would otherwise turn into duplicated text.
/// </remarks>
internal static class ChangeSetJson
{
    public static string WriteDesc(ImmutableArray<int> sections)
    {
        var json = new StringBuilder(sections.Length * 3 + 2).Append('[');
        for (var i = 0; i < sections.Length; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(CultureInfo.InvariantCulture, $"{sections[i]}");
        }

        return json.Append(']').ToString();
    }

    public static string WriteSet(ImmutableArray<int> sections, string[] inserted)
    {
        var json = new StringBuilder().Append('[');
        for (var i = 0; i < sections.Length; i += 2)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            int len = sections[i], ins = sections[i + 1];
            if (ins < 0)
            {
                json.Append(CultureInfo.InvariantCulture, $"{len}");
                continue;
            }

            json.Append(CultureInfo.InvariantCulture, $"[{len}");
            if (ins > 0)
            {
                // Text.toJSON() is the list of lines.
                foreach (var line in inserted[i >> 1].Split('\n'))
                {
                    JsonStrings.AppendQuoted(json.Append(','), line);
                }
            }

            json.Append(']');
        }

        return json.Append(']').ToString();
    }

    public static T Parse<T>(string json, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ChangeSetFormatException($"Invalid JSON for a change set: {e.Message}", e);
        }

        using (document)
        {
            return read(document.RootElement);
        }
    }

    public static ChangeDesc ReadDesc(JsonElement json)
    {
        const string What = "ChangeDesc";
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(What, $"expected an array of section pairs, got {Describe(json)}");
        }

        var count = json.GetArrayLength();
        if (count % 2 != 0)
        {
            throw Invalid(What, $"expected an even number of integers (length, inserted length pairs), got {count}");
        }

        var sections = new SectionBuilder(withInserts: false);
        long length = 0, newLength = 0;
        for (var i = 0; i < count; i += 2)
        {
            var len = ReadInt(What, json[i], $"item {i} (a length)");
            var ins = ReadInt(What, json[i + 1], $"item {i + 1} (an inserted length)");
            if (len < 0 || ins < -1)
            {
                throw Invalid(What, $"section {i / 2} is ({len}, {ins}); lengths must be >= 0 and inserted lengths >= -1 (kept)");
            }

            length = CheckTotal(What, length + len, "old");
            newLength = CheckTotal(What, newLength + (ins < 0 ? len : ins), "new");
            sections.AddSection(len, ins);
        }

        return sections.ToDesc();
    }

    public static ChangeSet ReadSet(JsonElement json)
    {
        const string What = "ChangeSet";
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(What, $"expected an array, got {Describe(json)}");
        }

        var sections = new SectionBuilder(withInserts: true);
        long length = 0, newLength = 0;
        var index = 0;
        foreach (var part in json.EnumerateArray())
        {
            int len, ins;
            var text = string.Empty;
            if (part.ValueKind == JsonValueKind.Number)
            {
                (len, ins) = (ReadLength(What, part, $"element {index}"), -1);
            }
            else if (part.ValueKind != JsonValueKind.Array || part.GetArrayLength() == 0)
            {
                throw Invalid(What, $"element {index} is {Describe(part)}; expected a kept length or [length, ...inserted lines]");
            }
            else
            {
                len = ReadLength(What, part[0], $"element {index}[0]");
                var lines = part.GetArrayLength() - 1;
                if (lines > 0)
                {
                    var joined = new StringBuilder();
                    for (var line = 1; line <= lines; line++)
                    {
                        var value = part[line];
                        if (value.ValueKind != JsonValueKind.String)
                        {
                            throw Invalid(What, $"element {index}[{line}] is {Describe(value)}; inserted lines must be strings");
                        }

                        (line > 1 ? joined.Append('\n') : joined).Append(JsonStrings.Read(value));
                    }

                    text = joined.ToString();
                }

                ins = text.Length;
            }

            length = CheckTotal(What, length + len, "old");
            newLength = CheckTotal(What, newLength + (ins < 0 ? len : ins), "new");
            sections.AddSection(len, ins);
            sections.AddInsert(text);
            index++;
        }

        return sections.ToSet();
    }

    private static int ReadLength(string what, JsonElement value, string where)
    {
        var length = ReadInt(what, value, where);
        return length >= 0 ? length : throw Invalid(what, $"{where} is {length}; lengths must not be negative");
    }

    private static int ReadInt(string what, JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(what, $"{where} is {Describe(value)}; expected an integer");
        }

        return value.TryGetInt32(out var result)
            ? result
            : throw Invalid(what, $"{where} is {value.GetRawText()}, which is not an integer in the Int32 range");
    }

    private static long CheckTotal(string what, long total, string which) =>
        total <= int.MaxValue
            ? total
            : throw Invalid(what, $"the {which} document length {total} exceeds {int.MaxValue}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => $"an array of {value.GetArrayLength()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => $"the string {Truncate(value.GetRawText())}",
        _ => value.GetRawText(),
    };

    private static string Truncate(string raw) => raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 40), "...");

    private static ChangeSetFormatException Invalid(string what, string detail) =>
        new($"Invalid JSON representation of {what}: {detail}.");
}
