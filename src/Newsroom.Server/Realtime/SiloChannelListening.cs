using Newsroom.Server.Health;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Subscribes this silo to the channels its <see cref="ISiloChannelListener"/>s hear, once the silo runs (retried
/// while storage starts). From then on <see cref="RelayRenewal"/> keeps the subscriptions alive like any other.
/// </summary>
public sealed class SiloChannelListening(
    IEnumerable<ISiloChannelListener> listeners,
    ChannelListeners channels,
    IHostApplicationLifetime lifetime,
    ILogger<SiloChannelListening> logger) : StartupTask(lifetime, logger)
{
    protected override string What => "Subscribing this silo's own listeners";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            var connection = ConnectionOf(listener);
            try
            {
                await channels.Listen(connection, listener.Channel).WaitAsync(cancellationToken);
            }
            catch
            {
                // Forget the failed subscription, so the next try subscribes afresh instead of awaiting the same failure.
                channels.Leave(connection, listener.Channel);
                throw;
            }
        }
    }

    /// <summary>The name the listener has among this silo's connections (no SignalR connection id looks like it).</summary>
    public static string ConnectionOf(ISiloChannelListener listener) => $"silo:{listener.Channel}";
}
