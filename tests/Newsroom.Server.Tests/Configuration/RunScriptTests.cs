using System.Net;
using System.Net.Sockets;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Configuration;

/// <summary>
/// <c>./run.sh</c> checks <c>NEWSROOM_PORT</c> before it builds or starts anything. (Its start and Ctrl+C are
/// proven by <c>.ci/smoke-run.sh</c>, since run.sh uses Azurite's fixed ports, which parallel tests cannot share.)
/// </summary>
public sealed class RunScriptTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunScript_WhenItsPortIsTaken_StopsAtOnce_WithAMessageNamingNewsroomPort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, errors, output) = await RunScript(port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(errors);
        Assert.Contains($"Port {port} is in use", line, StringComparison.Ordinal);
        Assert.Contains("NEWSROOM_PORT=", line, StringComparison.Ordinal);
        Assert.DoesNotContain("starting Azurite", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("70000")]
    public async Task RunScript_WithANewsroomPortThatIsNoPort_StopsAtOnce_NamingTheSetting(string value)
    {
        var (exitCode, errors, output) = await RunScript(value);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(errors);
        Assert.Equal($"NEWSROOM_PORT={value} is not a port number (1 to 65535).", line);
        Assert.DoesNotContain("starting Azurite", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, List<string> Errors, string Output)> RunScript(string port)
    {
        await using var script = ChildProcess.Start("bash", [RepoPaths.InRoot("run.sh")], RepoPaths.Root, new Dictionary<string, string?> { ["NEWSROOM_PORT"] = port });
        await script.Exited.WaitAsync(_wait, "run.sh to exit");
        await script.OutputEnded.WaitAsync(_wait, "run.sh's last words");
        return (script.ExitCode, script.StandardErrorLines.Where(l => l.Length > 0).ToList(), script.Output);
    }
}
