using System.Diagnostics;
using System.Net.Sockets;

namespace Newsroom.Testing;

/// <summary>
/// Debian's nginx run by a test or a benchmark in the foreground, with a configuration and a directory of its own,
/// listening on a loopback port; installed through scripts/prerequisites.sh when missing. Killed, and its directory
/// removed, when disposed.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private static readonly string[] _binaries = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    private readonly Process _nginx;
    private readonly DirectoryInfo _directory;

    private NginxProcess(Process nginx, DirectoryInfo directory) => (_nginx, _directory) = (nginx, directory);

    /// <summary>What <c>nginx -v</c> said, once one has been found.</summary>
    public static string Version { get; private set; } = "";

    public int Id => _nginx.Id;

    /// <summary>Starts nginx on <paramref name="config"/> (in <paramref name="directory"/>) and returns once <paramref name="port"/> listens.</summary>
    public static async Task<NginxProcess> StartAsync(DirectoryInfo directory, string config, int port)
    {
        var binary = await FindOrInstallAsync();
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", directory.FullName, "-c", config, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var nginx = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var errors = nginx.StandardError.ReadToEndAsync();
        var process = new NginxProcess(nginx, directory);
        await Eventually.Until(() => Task.FromResult(IsListening(port) || nginx.HasExited), up => up, TimeSpan.FromSeconds(10), $"nginx on port {port}");
        if (nginx.HasExited)
        {
            throw new InvalidOperationException($"nginx exited with code {nginx.ExitCode} on {config}: {await errors}");
        }

        return process;
    }

    /// <summary>The nginx master and its workers, for a CPU meter.</summary>
    public IEnumerable<(string Name, int Pid)> Processes()
    {
        yield return ("nginx master", _nginx.Id);
        var worker = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != _nginx.Id && ParentOf(pid) == _nginx.Id)
            {
                yield return ($"nginx worker {++worker}", pid);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx.Dispose();
        _directory.Delete(recursive: true);
    }

    /// <summary>A directory for a configuration, readable by nginx's workers (another user when started as root).</summary>
    public static DirectoryInfo NewDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("newsroom-nginx-");
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode |= UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        }

        return directory;
    }

    private static async Task<string> FindOrInstallAsync()
    {
        if (_binaries.FirstOrDefault(File.Exists) is not { } binary)
        {
            Console.Error.WriteLine("nginx is missing: installing Debian's package (scripts/prerequisites.sh --with-nginx).");
            using var install = Process.Start("bash", [RepoPaths.InRoot("scripts", "prerequisites.sh"), "--with-nginx"]);
            await install.WaitForExitAsync();
            binary = _binaries.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Installing nginx failed; install Debian's nginx package and run again.");
        }

        if (Version.Length == 0)
        {
            var start = new ProcessStartInfo(binary, "-v") { UseShellExecute = false, RedirectStandardError = true };
            using var nginx = Process.Start(start)!;
            var text = await nginx.StandardError.ReadToEndAsync();
            await nginx.WaitForExitAsync();
            Version = text.Trim();
        }

        return binary;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
