using Newsroom.Server.Configuration;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Section <c>Newsroom:RateLimits</c>: how fast one reader (and one address) may write through the hubs. Each limit is a
/// token bucket: <see cref="RateRule.Burst"/> calls at once, then one more every <see cref="RateRule.Every"/>.
/// </summary>
public sealed class HubRateLimitOptions
{
    public const string Section = "Newsroom:RateLimits";

    /// <summary>About one comment every 3 seconds per person.</summary>
    public RateRule CommentsPerIdentity { get; set; } = new() { Burst = 1, Every = TimeSpan.FromSeconds(3) };

    /// <summary>An office or a mobile network shares one address: many people, so a far larger bucket.</summary>
    public RateRule CommentsPerAddress { get; set; } = new() { Burst = 20, Every = TimeSpan.FromSeconds(1) };

    /// <summary>A few votes (or ratings) per second per person.</summary>
    public RateRule VotesPerIdentity { get; set; } = new() { Burst = 5, Every = TimeSpan.FromMilliseconds(300) };

    public RateRule VotesPerAddress { get; set; } = new() { Burst = 100, Every = TimeSpan.FromMilliseconds(20) };

    /// <summary>A few subscriptions, then one a minute per person: each sends a confirmation email to the address given.</summary>
    public RateRule SubscriptionsPerIdentity { get; set; } = new() { Burst = 3, Every = TimeSpan.FromMinutes(1) };

    public RateRule SubscriptionsPerAddress { get; set; } = new() { Burst = 30, Every = TimeSpan.FromSeconds(2) };

    public static HubRateLimitOptions FromConfiguration(IConfiguration configuration)
    {
        HubRateLimitOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<HubRateLimitOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{Section} is invalid: {e.Message}");
        }

        options.CommentsPerIdentity.Validate($"{Section}:{nameof(CommentsPerIdentity)}");
        options.CommentsPerAddress.Validate($"{Section}:{nameof(CommentsPerAddress)}");
        options.VotesPerIdentity.Validate($"{Section}:{nameof(VotesPerIdentity)}");
        options.VotesPerAddress.Validate($"{Section}:{nameof(VotesPerAddress)}");
        options.SubscriptionsPerIdentity.Validate($"{Section}:{nameof(SubscriptionsPerIdentity)}");
        options.SubscriptionsPerAddress.Validate($"{Section}:{nameof(SubscriptionsPerAddress)}");
        return options;
    }
}

/// <summary>A token bucket: <see cref="Burst"/> calls at once, then one every <see cref="Every"/>.</summary>
public sealed class RateRule
{
    public int Burst { get; set; } = 1;

    public TimeSpan Every { get; set; } = TimeSpan.FromSeconds(1);

    public void Validate(string name)
    {
        if (Burst is < 1 or > 100_000)
        {
            throw new NewsroomConfigurationException($"{name}:Burst ({Burst}) must be between 1 and 100000.");
        }

        if (Every < TimeSpan.FromMilliseconds(1) || Every > TimeSpan.FromHours(1))
        {
            throw new NewsroomConfigurationException($"{name}:Every ({Every}) must be from 1 ms to 1 hour.");
        }
    }
}
