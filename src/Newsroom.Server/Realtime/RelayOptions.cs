using Newsroom.Grains.Realtime;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Realtime;

/// <summary>Section <c>Newsroom:Relay</c>.</summary>
public sealed class RelayOptions
{
    public const string Section = "Newsroom:Relay";

    /// <summary>
    /// How often this silo renews its subscriptions. A grain that was collected, crashed or moved comes back
    /// with no subscribers, so this bounds how long a channel can stay silent on this silo after that.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Subscriptions a renewal round renews at once: bounded, so thousands of channels go quickly without a flood.</summary>
    public int RenewParallelism { get; set; } = 64;

    /// <summary>
    /// How long the relay gathers a channel's events, from the first, before sending them as one message: 20 ms (the
    /// default), at most 1 s. Zero sends as soon as the relay's thread is free, adding no delay on an idle silo, but a
    /// busy draft then costs a frame per connection for nearly every push. Chosen by medians of three alternating runs of
    /// the <c>editors</c> benchmark (2026-12-03): at 150 editors 20 ms took the server from 78% of a core to 66% (61%
    /// with the thread pool not spinning) and p99 from 100 to 89–92 ms; at 300, p99 from 222 to 136–196 ms. Twenty
    /// milliseconds is far below what a reader or an editor notices.
    /// </summary>
    public TimeSpan SendWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Renewal must come well inside the grains' expiry, or listeners go deaf between renewals.</summary>
    public static void Validate(IConfiguration configuration)
    {
        var relay = configuration.GetSection(Section).Get<RelayOptions>() ?? new();
        var channels = configuration.GetSection(ChannelOptions.Section).Get<ChannelOptions>() ?? new();
        if (relay.RenewInterval <= TimeSpan.Zero || relay.RenewInterval * 2 > channels.SubscriptionExpiry)
        {
            throw new NewsroomConfigurationException(
                $"{Section}:RenewInterval ({relay.RenewInterval}) must be positive and at most half of " +
                $"{ChannelOptions.Section}:SubscriptionExpiry ({channels.SubscriptionExpiry}).");
        }

        if (relay.SendWindow < TimeSpan.Zero || relay.SendWindow > TimeSpan.FromSeconds(1))
        {
            throw new NewsroomConfigurationException($"{Section}:SendWindow ({relay.SendWindow}) must be between 0 and 1 s.");
        }

        if (relay.RenewParallelism is < 1 or > 1024)
        {
            throw new NewsroomConfigurationException(
                $"{Section}:RenewParallelism ({relay.RenewParallelism}) must be between 1 and 1024.");
        }
    }
}
