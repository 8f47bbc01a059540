using System.Diagnostics;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>Runs Yjs in Node, from the repository's node_modules, as the CRDT baseline to compare against.</summary>
internal static class YjsPeer
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private static string ScriptPath => RepoPaths.InRoot("tests", "Newsroom.Benchmarks", "Node", "yjs-trace.mjs");

    public static async Task<YjsTraceResult> ReplayTraceAsync(string tracePath, int runs, int warmupRuns, TimeSpan timeout)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.NodeModules, "yjs")))
        {
            throw new InvalidOperationException($"yjs is not installed under {RepoPaths.NodeModules}: run `npm ci` in {RepoPaths.Root}.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            // The script's progress lines go straight to our stderr, so a long Yjs run shows it is alive.
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--expose-gc", ScriptPath, RepoPaths.Root, tracePath, $"{runs}", $"{warmupRuns}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = node.StandardOutput.ReadToEndAsync(cancel.Token);
        try
        {
            await node.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"Yjs trace replay did not finish within {timeout}.");
        }

        var output = await stdout;
        var lastLine = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var result = lastLine is null ? null : JsonSerializer.Deserialize<YjsTraceResult>(lastLine, _json);
        if (result is null || (node.ExitCode != 0 && result.MatchesEndContent))
        {
            throw new InvalidOperationException($"node {ScriptPath} exited with code {node.ExitCode} and printed:\n{output}");
        }

        return result;
    }
}
