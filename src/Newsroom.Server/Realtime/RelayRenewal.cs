using Microsoft.Extensions.Options;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Renews this silo's channel subscriptions on a timer: subscriptions live in grain memory and expire,
/// so a grain that was collected or moved to another silo learns about this silo again within one interval.
/// </summary>
public sealed class RelayRenewal(ChannelListeners listeners, IOptions<RelayOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RenewInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await listeners.RenewAll(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
