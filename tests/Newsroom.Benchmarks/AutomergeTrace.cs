using System.IO.Compression;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// A sequential editing trace in the josephg/editing-traces format: every patch applies to the document
/// as the previous patches left it, and replaying them all from <see cref="StartContent"/> gives <see cref="EndContent"/>.
/// </summary>
internal sealed record AutomergeTrace(string StartContent, string EndContent, TraceEdit[] Edits)
{
    public static string DefaultPath => Path.Combine(RepoPaths.Shared, "traces", "automerge-paper.json.gz");

    public static AutomergeTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var root = json.RootElement;

        var edits = new List<TraceEdit>();
        foreach (var txn in root.GetProperty("txns").EnumerateArray())
        {
            foreach (var patch in txn.GetProperty("patches").EnumerateArray())
            {
                edits.Add(new TraceEdit(patch[0].GetInt32(), patch[1].GetInt32(), patch[2].GetString()!));
            }
        }

        return new AutomergeTrace(
            root.GetProperty("startContent").GetString()!,
            root.GetProperty("endContent").GetString()!,
            [.. edits]);
    }
}
