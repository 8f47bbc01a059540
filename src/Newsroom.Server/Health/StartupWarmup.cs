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
public sealed class StartupWarmup(
    DraftWarmup drafts,
    IGrainFactory grains,
    ChannelListeners listeners,
    IOptions<JsonHubProtocolOptions> hubJson,
    IHostApplicationLifetime lifetime,
    ILogger<StartupWarmup> logger) : StartupTask(lifetime, logger)
{
    protected override string What => "Warm-up";

    // Past the give-up, the first real open simply pays the cold cost.
    protected override TimeSpan AttemptTimeout => TimeSpan.FromSeconds(10);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
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
}
