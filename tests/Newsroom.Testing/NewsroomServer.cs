using System.Net;

namespace Newsroom.Testing;

/// <summary>
/// The real server as a separate process on loopback ports, against a test's Azurite: what a user runs,
/// so a test can also kill it (<c>kill -9</c>) and start it again over the same storage.
/// </summary>
public sealed class NewsroomServer : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;
    private ChildProcess? _process;

    private NewsroomServer(Dictionary<string, string?> environment, int httpPort)
    {
        _environment = environment;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    public Uri BaseAddress { get; }

    public ChildProcess Process => _process ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>The built server assembly beside this test's own output (same configuration).</summary>
    public static string ServerAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var path = Path.Combine(RepoPaths.Root, "artifacts", "bin", "Newsroom.Server", configuration, "Newsroom.Server.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"Build the server first: {path} is missing.");
        }
    }

    public static string ContentRoot => RepoPaths.InRoot("src", "Newsroom.Server");

    /// <summary>Starts a server and returns once <c>/health/ready</c> answers: storage reachable, warm-up done.</summary>
    public static async Task<NewsroomServer> StartAsync(Azurite azurite, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = Create(azurite.ConnectionString, settings);
        await server.RestartAsync();
        return server;
    }

    /// <summary>The same, with the server's email sent to <paramref name="mailDev"/>.</summary>
    public static Task<NewsroomServer> StartAsync(Azurite azurite, MailDev mailDev, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var withMail = new Dictionary<string, string?>(mailDev.ServerSettings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            withMail[key] = value;
        }

        return StartAsync(azurite, withMail);
    }

    /// <summary>The setting for a server that writes the demo stories and conversation, as <c>./run.sh</c> does.</summary>
    public static IReadOnlyDictionary<string, string?> WithDemoStories => new Dictionary<string, string?> { ["Newsroom__Demo__Stories"] = "true" };

    /// <summary>
    /// The runtime of a production silo (<c>infra/Dockerfile</c>), for benchmarks, in place of the test suite's settings
    /// below: the server GC the project asks for, and no ReadyToRun code. With tiered compilation off (Release), the
    /// framework's precompiled code would otherwise run for the life of the process, never replaced by the JIT's.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ProductionRuntime => new Dictionary<string, string?>
    {
        ["DOTNET_gcServer"] = null,
        ["DOTNET_TieredPGO"] = null,
        ["DOTNET_ReadyToRun"] = "0",
        ["DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION"] = "256",
    };

    /// <summary>Starts the process and returns it without waiting, for tests of failed starts.</summary>
    public static ChildProcess Launch(IReadOnlyDictionary<string, string?> environment) =>
        ChildProcess.Start("dotnet", [ServerAssembly, "--contentRoot", ContentRoot], ContentRoot, environment);

    public static NewsroomServer Create(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var httpPort = FreePort.Next();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["ConnectionStrings__AzureStorage"] = connectionString,
            ["Newsroom__Cluster__ClusterId"] = "test-" + Guid.NewGuid().ToString("n")[..12],
            ["Newsroom__Cluster__SiloPort"] = $"{FreePort.Next()}",
            ["Newsroom__Cluster__GatewayPort"] = $"{FreePort.Next()}",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            // Its steps and retries: what a start that never becomes ready was doing.
            ["Logging__LogLevel__Newsroom.Server.Articles.DemoNewsroom"] = "Information",
            // Not Development's 127.0.0.1:1025, where a developer's ./run.sh keeps its maildev: a server without a
            // MailDev of its own sends to a port where nothing listens, and every send fails there.
            ["Newsroom__Email__Host"] = "127.0.0.1",
            ["Newsroom__Email__Port"] = $"{FreePort.Next()}",
            // Each test server starts on empty storage, and writing the demo stories cost a start about two seconds of
            // CPU, dozens of starts in all: only servers whose tests read the stories ask for them (WithDemoStories).
            ["Newsroom__Demo__Stories"] = "false",
            // The suite runs its test projects at once on two cores, each starting servers: the workstation GC and no
            // tier-0 instrumentation spend less of that CPU than a production silo's settings would.
            ["DOTNET_gcServer"] = "0",
            ["DOTNET_TieredPGO"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return new NewsroomServer(environment, httpPort);
    }

    /// <summary>
    /// Starts the process again and waits for <c>/health/ready</c>, or only for <c>/health/live</c> with
    /// <paramref name="untilReady"/> false (for tests of a server whose storage is down).
    /// </summary>
    public async Task RestartAsync(bool untilReady = true)
    {
        var health = untilReady ? "/health/ready" : "/health/live";
        var process = _process = Launch(_environment);
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            await WaitForHealthAsync(process, http, health);
        }
        catch (TimeoutException slow)
        {
            // What the server logged (its retries, storage errors) is the only clue to why it never became ready.
            throw new TimeoutException($"{slow.Message}\n{process.Output}", slow);
        }
    }

    private Task WaitForHealthAsync(ChildProcess process, HttpClient http, string health) =>
        Eventually.Until(
            async () =>
            {
                if (process.Exited.IsCompleted)
                {
                    throw new InvalidOperationException($"The server exited with {process.ExitCode}:\n{process.Output}");
                }

                try
                {
                    return (await http.GetAsync(health)).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
                catch (TaskCanceledException)
                {
                    return HttpStatusCode.RequestTimeout;
                }
            },
            status => status == HttpStatusCode.OK,
            // A fresh start writes the demo newsroom first; on a loaded 2-core machine running four test assemblies
            // at once, that has been seen to take over a minute.
            TimeSpan.FromSeconds(120),
            $"the server at {BaseAddress} to start");

    /// <summary>
    /// SIGTERM, as a service manager stops it: a graceful shutdown (grains deactivate, drafts write their
    /// snapshots). Throws if it does not exit with 0 within <paramref name="timeout"/> (30 s by default); it is
    /// killed then.
    /// </summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process is null)
        {
            return;
        }

        var process = _process;
        _process = null;
        try
        {
            await process.SignalAsync("-TERM");
            await process.Exited.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"The server stopped with exit code {process.ExitCode}:\n{process.Output}");
            }
        }
        finally
        {
            await process.KillAsync();
        }
    }

    /// <summary><c>kill -9</c>: no graceful shutdown, no flushing.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _process = null;
        }
    }

    /// <summary>
    /// For a cluster test's failure message: whether this silo still runs (a silo the others vote dead stops itself,
    /// as one starved of CPU for a few probes may be) and what it said about membership.
    /// </summary>
    public string Describe()
    {
        if (_process is not { } process)
        {
            return $"{BaseAddress}: not running (killed or stopped by the test)";
        }

        var state = process.Exited.IsCompleted ? $"EXITED on its own with {process.ExitCode}" : "running";
        var membership = process.Output.Split('\n')
            .Where(l => !l.Contains("Timeout:", StringComparison.Ordinal) && !l.Contains("Declaration:", StringComparison.Ordinal))
            .Where(l => l.Contains("dead", StringComparison.OrdinalIgnoreCase) || l.Contains("probe #", StringComparison.OrdinalIgnoreCase)
                || l.Contains("Subscribing this silo", StringComparison.Ordinal))
            .TakeLast(8);
        return $"{BaseAddress}: {state}\n    {string.Join("\n    ", membership)}";
    }

    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public Task<StaffSession> SignInAsync(string userName, string password) => StaffSession.SignInAsync(this, userName, password);

    public async ValueTask DisposeAsync() => await KillAsync();
}
