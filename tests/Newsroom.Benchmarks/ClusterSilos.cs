using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// Which silos of a benchmark's cluster a client may connect to, as a load balancer's health checks know: a silo is
/// taken out when it is killed or stopped and put back once it is ready again. A client whose silo went away connects
/// to the next one in the ring from its own, as nginx moves a client whose upstream failed to the next server.
/// </summary>
internal sealed class ClusterSilos(NewsroomCluster cluster)
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _down = [];

    public int Count => cluster.Silos.Count;

    public NewsroomServer this[int silo] => cluster.Silos[silo];

    public void TakeOut(int silo)
    {
        lock (_gate)
        {
            _down.Add(silo);
        }
    }

    public void PutBack(int silo)
    {
        lock (_gate)
        {
            _down.Remove(silo);
        }
    }

    /// <summary>The first silo in service from <paramref name="preferred"/> on.</summary>
    public int InService(int preferred)
    {
        lock (_gate)
        {
            for (var step = 0; step < Count; step++)
            {
                var silo = (preferred + step) % Count;
                if (!_down.Contains(silo))
                {
                    return silo;
                }
            }
        }

        // Every silo is out: try the preferred one, which fails until it is back.
        return preferred % Count;
    }
}
