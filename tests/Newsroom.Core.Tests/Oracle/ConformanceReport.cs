using System.Text;
using Newsroom.Core.Changes;
using Xunit;

namespace Newsroom.Core.Tests.Oracle;

/// <summary>
/// Collects every mismatch between the port and the oracle, so one run shows how widespread a bug
/// is; fails with the first few, each naming its case, seed and inputs.
/// </summary>
internal sealed class ConformanceReport(OracleFixture oracle)
{
    private const int ShownFailures = 5;

    private readonly List<string> _failures = [];

    public int Checks { get; private set; }

    public int Cases { get; private set; }

    public void Case(OracleCase oracleCase, Action<OracleCase> check)
    {
        Cases++;
        try
        {
            check(oracleCase);
        }
        catch (Exception e)
        {
            _failures.Add($"{oracleCase}\n  threw {e.GetType().Name}: {e.Message}");
        }
    }

    public void Equal<T>(OracleCase oracleCase, string what, T expected, T actual)
    {
        Checks++;
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _failures.Add($"{oracleCase}\n  {what}: expected {Show(expected)}, got {Show(actual)}");
        }
    }

    public void AssertAllMatched(int minimumCases = 1)
    {
        Assert.True(Cases >= minimumCases, $"Only {Cases} oracle cases of this kind were generated; expected at least {minimumCases} ({oracle.ReplayHint}).");
        if (_failures.Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .AppendLine($"{_failures.Count} of {Checks} checks over {Cases} cases differ from codemirror; {oracle.ReplayHint}.");
        foreach (var failure in _failures.Take(ShownFailures))
        {
            message.AppendLine(failure);
        }

        Assert.Fail(message.ToString());
    }

    private static string Show<T>(T value) => value switch
    {
        null => "null",
        string text => JsonStrings.AppendQuoted(new StringBuilder(), text.Length <= 400 ? text : text[..400] + "...").ToString(),
        _ => value.ToString() ?? "null",
    };
}
