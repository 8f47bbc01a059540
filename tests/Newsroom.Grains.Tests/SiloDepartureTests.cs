using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Hosting;

namespace Newsroom.Grains.Tests;

/// <summary>
/// A grain may send a one-way message that needs placing unless this silo is stopping and no other silo is active
/// to place it on (<see cref="SiloDeparture"/>).
/// </summary>
public sealed class SiloDepartureTests
{
    private static readonly SiloAddress _here = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11111), 1);
    private static readonly SiloAddress _there = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 11112), 1);

    [Fact]
    public void ARunningSilo_PlacesAnywhere() =>
        Assert.False(Departure(stopping: false, (_here, SiloStatus.Active)).LeavesNowhereToPlace);

    [Fact]
    public void AStoppingSilo_Alone_LeavesNowhereToPlace() =>
        Assert.True(Departure(stopping: true, (_here, SiloStatus.ShuttingDown)).LeavesNowhereToPlace);

    // Until membership has heard that this silo stops, it still lists itself as active: that does not count.
    [Fact]
    public void AStoppingSilo_StillListedActive_LeavesNowhereToPlace() =>
        Assert.True(Departure(stopping: true, (_here, SiloStatus.Active)).LeavesNowhereToPlace);

    [Fact]
    public void AStoppingSilo_WithAnotherActiveSilo_StillPlaces() =>
        Assert.False(Departure(stopping: true, (_here, SiloStatus.ShuttingDown), (_there, SiloStatus.Active)).LeavesNowhereToPlace);

    [Fact]
    public void AStoppingSilo_WhoseOnlyPeerStopsToo_LeavesNowhereToPlace() =>
        Assert.True(Departure(stopping: true, (_here, SiloStatus.ShuttingDown), (_there, SiloStatus.Stopping)).LeavesNowhereToPlace);

    private static SiloDeparture Departure(bool stopping, params (SiloAddress Silo, SiloStatus Status)[] members)
    {
        var lifetime = new Lifetime();
        if (stopping)
        {
            lifetime.StopApplication();
        }

        var snapshot = new ClusterMembershipSnapshot(
            members.ToImmutableDictionary(m => m.Silo, m => new ClusterMember(m.Silo, m.Status, m.Silo.ToString())),
            new MembershipVersion(1));
        return new SiloDeparture(lifetime, new Membership(snapshot), new Silo(_here));
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }

    private sealed class Membership(ClusterMembershipSnapshot snapshot) : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot => snapshot;

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }

    private sealed class Silo(SiloAddress address) : ILocalSiloDetails
    {
        public string Name => "here";

        public string ClusterId => "test";

        public string DnsHostName => "localhost";

        public SiloAddress SiloAddress => address;

        public SiloAddress GatewayAddress => address;
    }
}
