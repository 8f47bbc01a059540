using Microsoft.Extensions.Options;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Renews this silo's channel subscriptions on a timer: subscriptions live in grain memory and expire, so a grain that
/// was collected or moved to another silo learns about this silo again within one interval. It also renews as soon as
/// another silo has left the cluster (killed and declared dead, or stopped): the grains that lived there come back
/// elsewhere with no subscribers, and their channels would otherwise stay silent here until the next tick, up to
/// <see cref="RelayOptions.RenewInterval"/>. The renewal's own call brings each such grain back; the calls that fail
/// are made again within seconds (<see cref="RenewalRetries"/>).
/// </summary>
public sealed class RelayRenewal(ChannelListeners listeners, IOptions<RelayOptions> options, TimeProvider clock, ISiloStatusOracle silos)
    : BackgroundService, ISiloStatusListener
{
    private TaskCompletionSource _siloLeft = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void SiloStatusChangeNotification(SiloAddress updatedSilo, SiloStatus status)
    {
        if (status == SiloStatus.Dead && !updatedSilo.Equals(silos.SiloAddress))
        {
            Volatile.Read(ref _siloLeft).TrySetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        silos.SubscribeToSiloStatusEvents(this);
        using var timer = new PeriodicTimer(options.Value.RenewInterval, clock);
        var retries = new RenewalRetries(options.Value.RenewInterval);
        try
        {
            var tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
            while (true)
            {
                var siloLeft = Volatile.Read(ref _siloLeft).Task;
                var retry = retries.Delay is { } delay ? Task.Delay(delay, clock, stoppingToken) : null;
                var woke = await Task.WhenAny(retry is null ? [tick, siloLeft] : [tick, siloLeft, retry]).WaitAsync(stoppingToken);
                IReadOnlyCollection<string>? only = null;
                if (woke == tick)
                {
                    if (!await tick)
                    {
                        return;
                    }

                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                else if (woke == siloLeft)
                {
                    // Armed again before renewing, so a silo that leaves during the round brings another one.
                    Interlocked.Exchange(ref _siloLeft, new(TaskCreationOptions.RunContinuationsAsynchronously));
                }
                else
                {
                    await woke;
                    only = retries.Failed;
                }

                retries.After(await listeners.RenewAll(only, stoppingToken), retry: only is not null);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            silos.UnSubscribeFromSiloStatusEvents(this);
        }
    }
}
