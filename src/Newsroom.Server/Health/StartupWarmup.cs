using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Health;

/// <summary>
/// Once the host has started (silo and web server), runs what the first editor's open would otherwise run cold:
/// a draft's load path (<see cref="DraftWarmup"/>), the newsroom desk's activation, a channel subscription,
/// and the JSON contracts the hubs send. <c>/health/ready</c> waits for it, so a load balancer sends traffic to a warm process.
/// </summary>
public sealed partial class StartupWarmup(
    DraftWarmup drafts,
    IGrainFactory grains,
    ChannelListeners listeners,
    IOptions<JsonHubProtocolOptions> hubJson,
    IHostApplicationLifetime lifetime,
    ILogger<StartupWarmup> logger) : BackgroundService
{
    // Storage may still be starting next to us; past this, the first real open simply pays the cold cost.
    private static readonly TimeSpan _giveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _retryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _attemptTimeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has run or has given up.</summary>
    public Task Done => _done.Task;

    /// <summary>Whether it ran; false while it runs and after it gave up.</summary>
    public bool Succeeded { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStarted(stoppingToken);
            var deadline = DateTime.UtcNow + _giveUpAfter;
            while (true)
            {
                try
                {
                    // One try may not hang on a storage call for longer than the readiness probe tolerates.
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    attempt.CancelAfter(_attemptTimeout);
                    await RunOnceAsync(attempt.Token);
                    Succeeded = true;
                    return;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && DateTime.UtcNow < deadline)
                {
                    LogRetrying(e.Message);
                    await Task.Delay(_retryAfter, stoppingToken);
                }
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogGaveUp(e);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await drafts.RunAsync(cancellationToken);

        // The newsroom's desk lists every draft: loading its rows now spares the first person at /desk.
        await grains.GetGrain<IDeskGrain>(IDeskGrain.Newsroom).GetDrafts().WaitAsync(cancellationToken);

        // Subscribing this silo's relay to a source grain, as the first OpenDraft joins its channel.
        var connectionId = $"{DraftWarmup.DraftId}-{Guid.NewGuid():n}";
        await listeners.Listen(connectionId, ChannelName.Draft(DraftWarmup.DraftId)).WaitAsync(cancellationToken);
        listeners.Forget(connectionId);

        // The options would be frozen by the first message anyway; freezing them here builds the contracts now.
        var json = hubJson.Value.PayloadSerializerOptions;
        if (!json.IsReadOnly)
        {
            json.MakeReadOnly(populateMissingResolver: true);
        }

        foreach (var type in new[] { typeof(DraftView), typeof(ChannelEnvelope), typeof(ChannelCatchUp), typeof(PushResult), typeof(PulledUpdates) })
        {
            json.GetTypeInfo(type);
        }
    }

    private Task WhenStarted(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up failed and will be retried (storage may still be starting): {Reason}")]
    private partial void LogRetrying(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up gave up; the first draft opened will load cold.")]
    private partial void LogGaveUp(Exception exception);
}
