using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// Debian's nginx serving one page's bytes as a static file at the same path, on a free loopback port, with a
/// configuration of its own (no access log, no compression, keep-alive, one worker per core): the peer a
/// server-rendered page is measured against.
/// </summary>
internal sealed class NginxPeer : IAsyncDisposable
{
    private readonly NginxProcess _nginx;

    private NginxPeer(NginxProcess nginx, Uri address) => (_nginx, Address) = (nginx, address);

    public Uri Address { get; }

    public static string Version => NginxProcess.Version;

    public static async Task<NginxPeer> StartAsync(string path, byte[] page)
    {
        var prefix = NginxProcess.NewDirectory();
        var pagePath = Path.Combine(prefix.FullName, "page.html");
        await File.WriteAllBytesAsync(pagePath, page);
        if (!OperatingSystem.IsWindows())
        {
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

        var nginx = await NginxProcess.StartAsync(prefix, config, port);
        return new NginxPeer(nginx, new Uri($"http://127.0.0.1:{port}{path}"));
    }

    public ValueTask DisposeAsync() => _nginx.DisposeAsync();

    /// <summary>The nginx master and its workers, for the CPU meter.</summary>
    public IEnumerable<(string Name, int Pid)> Processes() => _nginx.Processes();
}
