using System.Net.Sockets;

namespace Newsroom.Testing;

/// <summary>
/// A private Azurite for a test: its own ports and its own data folder on disk, so it can be stopped and
/// started again over the same data, the way a real storage outage looks to the server.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    /// <summary>How long a Node process (Azurite, maildev) may take to listen on a loaded machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private ChildProcess? _process;

    private Azurite(string location, bool inMemory)
    {
        Location = location;
        InMemory = inMemory;
        BlobPort = FreePort.Next();
        QueuePort = FreePort.Next();
        TablePort = FreePort.Next();
    }

    public string Location { get; }

    /// <summary>
    /// Tables and metadata kept in memory only (<c>--inMemoryPersistence</c>): gone when it stops, and never saved. On
    /// disk instead, Azurite rewrites its whole table database every 5 s on its one thread, a pause that grows with what
    /// is stored (Azure Storage has none): only tests that stop and restart Azurite itself need that, and benchmarks that
    /// measure it.
    /// </summary>
    public bool InMemory { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{Account};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{Account};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{Account};";

    public static async Task<Azurite> StartAsync(bool inMemory = true)
    {
        var location = Path.Combine(Path.GetTempPath(), "newsroom-tests", "azurite-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(location);
        var azurite = new Azurite(location, inMemory);
        await azurite.RestartAsync();
        return azurite;
    }

    /// <summary>Starts (again) on the same ports and data, and returns once every service accepts connections.</summary>
    public async Task RestartAsync()
    {
        var script = Path.Combine(RepoPaths.NodeModules, "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' in {RepoPaths.Root}.");
        }

        // --silent: no access-log line per request; writing them cost Azurite's one thread a tenth of its time under load.
        _process = ChildProcess.Start(
            "node",
            [
                script, "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
                .. InMemory ? new[] { "--inMemoryPersistence" } : ["--location", Location],
                "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
            ],
            InMemory ? Location : RepoPaths.Root,
            new Dictionary<string, string?>());
        // Node starting on a 2-core CI machine while both test projects start servers, Azurites and maildevs of their
        // own took over 30 s at times; it exits or listens, and either is seen at once.
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            await Eventually.Until(
                async () => _process.Exited.IsCompleted ? throw new InvalidOperationException($"Azurite exited:\n{_process.Output}") : await Accepts(port),
                accepting => accepting,
                StartTimeout,
                $"Azurite to listen on port {port}");
        }
    }

    /// <summary>
    /// SIGSTOP: the emulator keeps its connections but answers nothing, as storage that hangs; requests made
    /// meanwhile are answered after <see cref="ResumeAsync"/>.
    /// </summary>
    public Task PauseAsync() => (_process ?? throw new InvalidOperationException("Azurite is not running.")).SignalAsync("-STOP");

    public Task ResumeAsync() => (_process ?? throw new InvalidOperationException("Azurite is not running.")).SignalAsync("-CONT");

    /// <summary>Kills the emulator; its data stays on disk for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.KillAsync();
            _process = null;
        }
    }

    /// <summary>
    /// SIGTERM: Azurite saves its metadata (LokiJS, otherwise saved every 5 s) before it exits, so a test of a
    /// storage outage keeps what was written just before it. <see cref="StopAsync"/> can lose those seconds.
    /// </summary>
    public async Task StopGracefullyAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(30));
            _process = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result is what matters.
        }
    }

    private static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
