using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Core.Tests.Oracle;

/// <summary>
/// Runs <c>generate-oracle.mjs</c> once for the tests that share it and holds the cases it wrote: inputs
/// and the results the real <c>@codemirror/state</c> and <c>@codemirror/collab</c> computed for them.
/// </summary>
/// <remarks>
/// The seed is fixed so every run checks the same cases; set <c>NEWSROOM_ORACLE_SEED</c> (and
/// <c>NEWSROOM_ORACLE_COUNT</c>) to explore others or to replay one a failure message names.
/// </remarks>
public sealed class OracleFixture : IAsyncLifetime
{
    public const string SeedVariable = "NEWSROOM_ORACLE_SEED";
    public const string CountVariable = "NEWSROOM_ORACLE_COUNT";
    public const int MinimumCases = 10_000;

    private const uint DefaultSeed = 20_250_601;
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(3);

    private readonly List<JsonDocument> _documents = [];

    public OracleFixture()
    {
        Seed = ReadSetting(SeedVariable, DefaultSeed, uint.Parse);
        Count = ReadSetting(CountVariable, MinimumCases, int.Parse);
    }

    public uint Seed { get; }

    public int Count { get; }

    public static string ScriptPath => RepoPaths.InRoot("tests", "Newsroom.Core.Tests", "Oracle", "generate-oracle.mjs");

    public IReadOnlyList<OracleCase> Cases { get; private set; } = [];

    /// <summary>The generator's summary line and the time it took, for test output.</summary>
    public string Summary { get; private set; } = string.Empty;

    public string ReplayHint =>
        $"master seed {Seed} ({SeedVariable}={Seed} {CountVariable}={Count} reruns these cases; " +
        $"`node {ScriptPath} --seed {Seed} --only <index> --out case.jsonl` regenerates one)";

    public IEnumerable<OracleCase> OfKind(string kind) => Cases.Where(c => c.Kind == kind);

    public async ValueTask InitializeAsync()
    {
        foreach (var package in new[] { "state", "collab" })
        {
            var manifest = Path.Combine(RepoPaths.NodeModules, "@codemirror", package, "package.json");
            if (!File.Exists(manifest))
            {
                throw new InvalidOperationException(
                    $"The conformance oracle needs @codemirror/{package}, but {manifest} is missing. Run `npm ci` in {RepoPaths.Root} (scripts/prerequisites.sh does).");
            }
        }

        var output = Path.Combine(Path.GetTempPath(), $"newsroom-oracle-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var stdout = await RunNodeAsync(output);
            var nodeTime = stopwatch.Elapsed;
            Cases = await LoadAsync(output);
            Summary = $"{stdout.Trim()} node {nodeTime.TotalSeconds:F1}s, load {(stopwatch.Elapsed - nodeTime).TotalSeconds:F1}s; {ReplayHint}";
        }
        finally
        {
            File.Delete(output);
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static T ReadSetting<T>(string variable, T fallback, Func<string, IFormatProvider, T> parse)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? fallback : parse(value.Trim(), CultureInfo.InvariantCulture);
    }

    private async Task<string> RunNodeAsync(string output)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ScriptPath, "--seed", Seed.ToString(CultureInfo.InvariantCulture), "--count", Count.ToString(CultureInfo.InvariantCulture), "--out", output })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"The conformance oracle needs Node.js 20+ on PATH to run {ScriptPath}: {e.Message}", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(_timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{ScriptPath} did not finish within {_timeout.TotalMinutes} minutes ({ReplayHint}).");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"{ScriptPath} failed with exit code {process.ExitCode} ({ReplayHint}):\n{await stderr}\n{await stdout}");
            }

            return await stdout;
        }
    }

    private async Task<IReadOnlyList<OracleCase>> LoadAsync(string path)
    {
        var cases = new List<OracleCase>(Count * 2);
        foreach (var line in await File.ReadAllLinesAsync(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var document = JsonDocument.Parse(line);
            _documents.Add(document);
            cases.Add(new OracleCase(document.RootElement, line));
        }

        return cases;
    }
}
