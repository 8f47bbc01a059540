using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// Settles packs (<see cref="TableInboxStore.SettleAsync"/>) in the background: every half
/// <see cref="InboxPackOptions.SettleAfter"/>, the partitions this silo wrote packs to that are due; every
/// <see cref="InboxPackOptions.SweepEvery"/>, all of them, for packs a silo that stopped left behind (they are read as
/// they are meanwhile). Every silo does this; settling the same packs twice is harmless.
/// </summary>
internal sealed partial class InboxPackSettler(TableInboxStore store, IOptions<InboxPackOptions> options, TimeProvider clock, ILogger<InboxPackSettler> logger)
    : BackgroundService
{
    private static readonly string[] _allPartitions = [.. Enumerable.Range(0, PersonRows.Partitions).Select(p => $"h{p:x2}")];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settleAfter = options.Value.SettleAfter;
        var lastSweep = clock.GetUtcNow();
        using var timer = new PeriodicTimer(settleAfter / 2, clock);
        do
        {
            var now = clock.GetUtcNow();
            var sweep = now - lastSweep >= options.Value.SweepEvery;
            var due = sweep
                ? _allPartitions
                : [.. store.Unsettled.Where(u => u.Oldest <= now - settleAfter).Select(u => u.Partition)];
            foreach (var partition in due)
            {
                try
                {
                    // What this silo wrote, from memory; in a sweep also what others left, read from storage.
                    while (await store.SettleAsync(partition, now - settleAfter, stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                    {
                    }

                    while (sweep && await store.SweepAsync(partition, now - (2 * settleAfter), stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                    {
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // Packs stay readable as they are; the next round tries again.
                    LogSettleFailed(logger, e, partition);
                }
            }

            lastSweep = sweep ? now : lastSweep;
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling the inbox packs of partition {Partition} failed; the next round tries again")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string partition);
}
