using System.Diagnostics;
using System.Net.Sockets;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// Debian's nginx serving one page's bytes as a static file at the same path, on a free loopback port, with a
/// configuration of its own (no access log, no compression, keep-alive, one worker per core): the peer a
/// server-rendered page is measured against. Installed through scripts/prerequisites.sh when missing.
/// </summary>
internal sealed class NginxPeer : IAsyncDisposable
{
    private readonly Process _nginx;
    private readonly DirectoryInfo _prefix;

    private NginxPeer(Process nginx, DirectoryInfo prefix, Uri address) => (_nginx, _prefix, Address) = (nginx, prefix, address);

    public Uri Address { get; }

    public static string Version { get; private set; } = "";

    public static async Task<NginxPeer> StartAsync(string path, byte[] page)
    {
        var binary = await FindOrInstallAsync();
        var prefix = Directory.CreateTempSubdirectory("newsroom-nginx-");
        // Workers may run as another user when started as root: everything they read must be readable by all.
        var pagePath = Path.Combine(prefix.FullName, "page.html");
        await File.WriteAllBytesAsync(pagePath, page);
        if (!OperatingSystem.IsWindows())
        {
            prefix.UnixFileMode |= UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
            File.SetUnixFileMode(pagePath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var port = FreePort.Next();
        var config = Path.Combine(prefix.FullName, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes auto;
            pid {{prefix.FullName}}/nginx.pid;
            error_log stderr warn;
            events { worker_connections 4096; }
            http {
              access_log off;
              client_body_temp_path {{prefix.FullName}}/body;
              proxy_temp_path {{prefix.FullName}}/proxy;
              fastcgi_temp_path {{prefix.FullName}}/fastcgi;
              uwsgi_temp_path {{prefix.FullName}}/uwsgi;
              scgi_temp_path {{prefix.FullName}}/scgi;
              keepalive_requests 1000000;
              sendfile on;
              server {
                listen 127.0.0.1:{{port}};
                location = {{path}} {
                  default_type "text/html; charset=utf-8";
                  alias {{pagePath}};
                }
              }
            }
            """);
        var start = new ProcessStartInfo(binary) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", prefix.FullName, "-c", config, "-g", "daemon off;" })
        {
            start.ArgumentList.Add(argument);
        }

        var nginx = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        _ = nginx.StandardError.ReadToEndAsync();
        var peer = new NginxPeer(nginx, prefix, new Uri($"http://127.0.0.1:{port}{path}"));
        await Eventually.Until(() => Task.FromResult(IsListening(port) || nginx.HasExited), up => up, TimeSpan.FromSeconds(10), $"nginx on port {port}");
        if (nginx.HasExited)
        {
            throw new InvalidOperationException($"nginx exited with code {nginx.ExitCode}; configuration {config}.");
        }

        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_nginx.HasExited)
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx.Dispose();
        _prefix.Delete(recursive: true);
    }

    /// <summary>The nginx master and its workers, for the CPU meter.</summary>
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

    private static async Task<string> FindOrInstallAsync()
    {
        foreach (var candidate in new[] { "/usr/sbin/nginx", "/usr/bin/nginx" })
        {
            if (File.Exists(candidate))
            {
                Version = await VersionOf(candidate);
                return candidate;
            }
        }

        Console.Error.WriteLine("nginx is missing: installing Debian's package (scripts/prerequisites.sh --with-nginx).");
        using var install = Process.Start("bash", [RepoPaths.InRoot("scripts", "prerequisites.sh"), "--with-nginx"]);
        await install.WaitForExitAsync();
        if (install.ExitCode != 0 || !File.Exists("/usr/sbin/nginx"))
        {
            throw new InvalidOperationException("Installing nginx failed; install Debian's nginx package and run again.");
        }

        Version = await VersionOf("/usr/sbin/nginx");
        return "/usr/sbin/nginx";
    }

    private static async Task<string> VersionOf(string binary)
    {
        var start = new ProcessStartInfo(binary, "-v") { UseShellExecute = false, RedirectStandardError = true };
        using var nginx = Process.Start(start)!;
        var text = await nginx.StandardError.ReadToEndAsync();
        await nginx.WaitForExitAsync();
        return text.Trim();
    }
}
