using Microsoft.Extensions.Hosting;

namespace Newsroom.Grains;

/// <summary>
/// Whether a one-way message sent now could still reach a grain that may have to be placed. While this silo stops,
/// the grains it already let go cannot be placed on it again; Orleans logs such a message as a failure and drops
/// it. Another active silo can still take them.
/// </summary>
public sealed class SiloDeparture(IHostApplicationLifetime lifetime, IClusterMembershipService membership, ILocalSiloDetails silo)
{
    public bool LeavesNowhereToPlace =>
        lifetime.ApplicationStopping.IsCancellationRequested
        && !membership.CurrentSnapshot.Members.Values.Any(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress));
}
