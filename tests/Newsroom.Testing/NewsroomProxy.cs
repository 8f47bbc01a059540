using System.Diagnostics;

namespace Newsroom.Testing;

/// <summary>
/// nginx in front of a cluster's silos, as in production: the configuration of infra/nginx.conf, made for loopback
/// ports by scripts/nginx-for-silos.sh (which <c>./run.sh --cluster</c> uses too). Its responses say which silo
/// answered (X-Newsroom-Silo); ip_hash sends every client of this machine to the same silo while it is up.
/// </summary>
public sealed class NewsroomProxy : IAsyncDisposable
{
    public const string SiloHeader = "X-Newsroom-Silo";

    private readonly NginxProcess _nginx;

    private NewsroomProxy(NginxProcess nginx, Uri address) => (_nginx, BaseAddress) = (nginx, address);

    public Uri BaseAddress { get; }

    public static async Task<NewsroomProxy> StartAsync(IEnumerable<NewsroomServer> silos)
    {
        var directory = NginxProcess.NewDirectory();
        var port = FreePort.Next();
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { RepoPaths.InRoot("scripts", "nginx-for-silos.sh"), directory.FullName, $"{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var silo in silos)
        {
            start.ArgumentList.Add($"{silo.BaseAddress.Port}");
        }

        using (var script = Process.Start(start)!)
        {
            var errors = await script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync();
            if (script.ExitCode != 0)
            {
                throw new InvalidOperationException($"scripts/nginx-for-silos.sh failed: {errors}");
            }
        }

        var nginx = await NginxProcess.StartAsync(directory, Path.Combine(directory.FullName, "nginx.conf"), port);
        return new NewsroomProxy(nginx, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>The silo that answered a request through the proxy (the last one nginx tried).</summary>
    public static NewsroomServer AnsweredBy(HttpResponseMessage response, IEnumerable<NewsroomServer> silos)
    {
        var tried = response.Headers.TryGetValues(SiloHeader, out var values) ? string.Join(", ", values) : "";
        var last = tried.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return silos.FirstOrDefault(s => last == $"127.0.0.1:{s.BaseAddress.Port}")
            ?? throw new InvalidOperationException($"The proxy's answer names no silo of the cluster: {SiloHeader}: {tried}");
    }

    public ValueTask DisposeAsync() => _nginx.DisposeAsync();
}
