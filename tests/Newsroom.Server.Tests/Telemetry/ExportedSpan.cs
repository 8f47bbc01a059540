using System.Text.RegularExpressions;

namespace Newsroom.Server.Tests.Telemetry;

/// <summary>A span as OpenTelemetry's console exporter writes it to the server's standard output.</summary>
public sealed partial record ExportedSpan(string TraceId, string SpanId, string? ParentSpanId, string Name, string Source, IReadOnlyList<string> LinkedTraces)
{
    /// <summary>Every span written so far in <paramref name="output"/> (the lines of a child process, each "out| " or "err| ").</summary>
    public static List<ExportedSpan> Read(string output)
    {
        var spans = new List<ExportedSpan>();
        Dictionary<string, string>? fields = null;
        List<string> links = [];
        var section = "";
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.StartsWith("out| ", StringComparison.Ordinal) ? raw[5..] : raw;
            if (Field().Match(line) is { Success: true } field)
            {
                if (field.Groups[1].Value == "TraceId")
                {
                    Add();
                    fields = new(StringComparer.Ordinal);
                    links = [];
                }

                section = field.Groups[1].Value;
                fields?.TryAdd(section, field.Groups[2].Value.Trim());
            }
            else if (line.StartsWith("Instrumentation scope", StringComparison.Ordinal))
            {
                section = "scope";
            }
            else if (line.StartsWith("Resource associated", StringComparison.Ordinal))
            {
                section = "resource";
            }
            else if (section == "Links" && Link().Match(line) is { Success: true } link)
            {
                links.Add(link.Groups[1].Value);
            }
            else if (section == "scope" && line.StartsWith("    Name: ", StringComparison.Ordinal))
            {
                fields?.TryAdd("Source", line["    Name: ".Length..].Trim());
            }
        }

        Add();
        return spans;

        void Add()
        {
            if (fields is not null && fields.TryGetValue("SpanId", out var spanId) && fields.TryGetValue("DisplayName", out var name))
            {
                spans.Add(new ExportedSpan(
                    fields["TraceId"], spanId, fields.GetValueOrDefault("ParentSpanId"), name, fields.GetValueOrDefault("Source") ?? "", links));
            }

            fields = null;
        }
    }

    [GeneratedRegex(@"^Activity\.(\w+):(.*)$")]
    private static partial Regex Field();

    [GeneratedRegex(@"^\s+([0-9a-f]{32})\s+[0-9a-f]{16}")]
    private static partial Regex Link();
}
