using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Auth;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Extensions;

public static class RealtimeExtensions
{
    /// <summary>SignalR hubs and this silo's relay from grains to browsers.</summary>
    public static WebApplicationBuilder AddNewsroomRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            // Above every documented per-call limit (DraftLimits.MaxPushJsonLength is 256K characters, and
            // non-ASCII text takes up to 3 bytes each in UTF-8), so an oversized push gets that limit's
            // message instead of a dropped connection.
            o.MaximumReceiveMessageSize = 1024 * 1024;

            // One call at a time per connection (SignalR's default) would put a caret update, and the other
            // fields' saves, behind a push that waits for slow storage. Three fields' pushes plus presence or
            // metadata; the grains order what must be ordered.
            o.MaximumParallelInvocationsPerClient = 4;
            o.AddFilter<HubCallFilter>();
        });
        // Events are serialized by the "type" names their features registered with their channel owners.
        builder.Services.AddOptions<JsonHubProtocolOptions>().Configure<ChannelOwners>((o, owners) =>
        {
            o.PayloadSerializerOptions.TypeInfoResolver =
                (o.PayloadSerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(owners.DescribeEvents);
            // Statuses and steps travel by name ("in-review", "send-back"), as the hub takes them back.
            o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        // SignalR logs every failed invocation as an error with a stack trace, refusals included; HubCallFilter logs
        // refusals as information and real failures as errors itself. (That is the only error SignalR's dispatcher logs.)
        builder.Logging.AddFilter("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogLevel.Critical);
        builder.Services.AddSingleton<IUserIdProvider, StaffUserIdProvider>();
        builder.Services.Configure<RelayOptions>(builder.Configuration.GetSection(RelayOptions.Section));
        RelayOptions.Validate(builder.Configuration);
        builder.Services.AddSingleton(new HubRateLimits(HubRateLimitOptions.FromConfiguration(builder.Configuration)));
        builder.Services.AddSingleton<SignalRChannelRelay>();
        builder.Services.AddSingleton<ChannelListeners>();
        builder.Services.AddSingleton<ChannelMembership>();
        builder.Services.AddSingleton<HubGrains>();
        builder.Services.AddHostedService<RelayRenewal>();

        // Registered after Kestrel's own factory, so Kestrel's socket transport takes its buffers from these.
        var transportPools = new TransportBlockPools(TransportOptions.FromConfiguration(builder.Configuration).PooledBlocks);
        builder.Services.AddSingleton(transportPools);
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>>(transportPools);
        return builder;
    }

    public static WebApplication MapNewsroomHubs(this WebApplication app)
    {
        app.MapHub<StaffHub>(StaffHub.Path);
        app.MapHub<ReaderHub>(GuestIdentity.ReaderHubPath);
        return app;
    }

    private sealed class StaffUserIdProvider : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) =>
            connection.User.FindFirstValue(ClaimTypes.NameIdentifier);
    }
}
