using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

/// <summary>
/// Three silos in one cluster on one Azurite, for the tests of what a cluster must do for every feature; each test uses
/// drafts, stories and people of its own, and none stops a silo of these three.
/// </summary>
public sealed class ThreeSiloNewsroom : IAsyncLifetime
{
    public const string Collection = "three silos";

    private Azurite? _azurite;
    private NewsroomCluster? _cluster;

    public NewsroomCluster Cluster => _cluster ?? throw new InvalidOperationException("Not started.");

    public NewsroomServer this[int silo] => Cluster.Silos[silo];

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        // Far longer than any test: only a publish can empty a silo's kept pages (ClusterPublishedPagesTests).
        ["Newsroom__PublishedPages__MaxAge"] = "01:00:00",
        // Tests comment as the same staff members within seconds of each other; every client comes from 127.0.0.1.
        ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = "10",
        ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
    };

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _cluster = await NewsroomCluster.StartAsync(_azurite, silos: 3, Settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(ThreeSiloNewsroom.Collection)]
public sealed class ThreeSiloNewsroomCollection : ICollectionFixture<ThreeSiloNewsroom>;
