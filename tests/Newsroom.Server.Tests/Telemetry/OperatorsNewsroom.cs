using Newsroom.Testing;

namespace Newsroom.Server.Tests.Telemetry;

/// <summary>
/// A server of its own for what operators see: its metrics are counted from its start, so a test reads exactly what
/// it did (the tests of one class run one at a time). Azurite keeps its data on disk, so a test may stop it and start it
/// again. A scraper's token is set. Its test classes share it and run one after another.
/// </summary>
public sealed class OperatorsNewsroom : IAsyncLifetime
{
    public const string Collection = "operators' newsroom";

    public const string ScrapeToken = "test-scrape-token-0123456789abcdef";

    private Azurite? _azurite;
    private NewsroomServer? _server;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Not started.");

    public NewsroomServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync(inMemory: false);
        _server = await NewsroomServer.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Telemetry__ScrapeToken"] = ScrapeToken,
        });
    }

    /// <summary>The metrics as Prometheus reads them, with the scrape token.</summary>
    public async Task<ScrapedMetrics> ScrapeAsync()
    {
        using var http = Server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", ScrapeToken);
        return ScrapedMetrics.Parse(await http.GetStringAsync("/metrics"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(OperatorsNewsroom.Collection)]
public sealed class OperatorsNewsroomCollection : ICollectionFixture<OperatorsNewsroom>;
