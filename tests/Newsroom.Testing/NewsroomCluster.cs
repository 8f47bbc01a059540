namespace Newsroom.Testing;

/// <summary>
/// Several silos of the real server as processes on one machine, each on ports of its own, forming one cluster through
/// Azure Table clustering on a test's Azurite (README "Running several silos"). A test may kill, stop and restart any of
/// them, and add one later.
/// </summary>
public sealed class NewsroomCluster : IAsyncDisposable
{
    private readonly Azurite _azurite;
    private readonly Dictionary<string, string?> _settings;
    private readonly List<NewsroomServer> _silos;

    private NewsroomCluster(Azurite azurite, Dictionary<string, string?> settings, List<NewsroomServer> silos) =>
        (_azurite, _settings, _silos) = (azurite, settings, silos);

    public IReadOnlyList<NewsroomServer> Silos => _silos;

    /// <summary>Starts <paramref name="silos"/> silos at once and returns when every one is ready.</summary>
    public static async Task<NewsroomCluster> StartAsync(Azurite azurite, int silos = 3, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clusterSettings = new Dictionary<string, string?>
        {
            ["Newsroom__Cluster__Clustering"] = "AzureStorage",
            ["Newsroom__Cluster__ClusterId"] = "cluster-" + Guid.NewGuid().ToString("n")[..8],
            ["Newsroom__Cluster__AdvertisedAddress"] = "127.0.0.1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            clusterSettings[key] = value;
        }

        var cluster = new NewsroomCluster(azurite, clusterSettings, []);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.AddSiloAsync()));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Each silo's state and what it said about membership, for failure messages.</summary>
    public string Describe() => string.Join('\n', _silos.Select((s, i) => $"silo {i} {s.Describe()}"));

    /// <summary>A test's failure told with each silo's state: a silo gone on its own explains much.</summary>
    public Exception Explained(Exception failure) => new InvalidOperationException($"{failure.Message}\n--- the cluster:\n{Describe()}", failure);

    /// <summary>Starts one more silo into the cluster and returns it once ready.</summary>
    public async Task<NewsroomServer> AddSiloAsync()
    {
        var silo = NewsroomServer.Create(_azurite.ConnectionString, _settings);
        lock (_silos)
        {
            _silos.Add(silo);
        }

        await silo.RestartAsync();
        return silo;
    }

    /// <summary>Stops a silo as a service manager would (SIGTERM: it leaves the cluster) and forgets it.</summary>
    public async Task RemoveSiloAsync(NewsroomServer silo)
    {
        await silo.StopAsync();
        lock (_silos)
        {
            _silos.Remove(silo);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Killed, as a test's servers are: its storage goes with it.
        await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
    }
}
