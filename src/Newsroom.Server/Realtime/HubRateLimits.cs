using System.Globalization;
using System.Threading.RateLimiting;
using Newsroom.Grains;

namespace Newsroom.Server.Realtime;

/// <summary>
/// How fast readers may write through the hubs: ASP.NET Core's token buckets (<c>System.Threading.RateLimiting</c>),
/// one per person (staff account, guest id, or the connection for a guest without one) and one per client address,
/// for each kind of call (<see cref="RateLimitedAttribute"/>). A call over either bucket is refused with how long
/// to wait, before it reaches a grain, so it stores nothing.
/// </summary>
public sealed class HubRateLimits : IDisposable
{
    public const string Comments = "comments";
    public const string Votes = "votes";

    /// <summary>Subscribing from the comment widget: each guest's call sends an email, so the tightest bucket.</summary>
    public const string Subscriptions = "subscriptions";

    private readonly Dictionary<string, (PartitionedRateLimiter<string> Person, PartitionedRateLimiter<string> Address, string What)> _limits;

    public HubRateLimits(HubRateLimitOptions options)
    {
        _limits = new(StringComparer.Ordinal)
        {
            [Comments] = (Buckets(options.CommentsPerIdentity), Buckets(options.CommentsPerAddress), "comment"),
            [Votes] = (Buckets(options.VotesPerIdentity), Buckets(options.VotesPerAddress), "vote"),
            [Subscriptions] = (Buckets(options.SubscriptionsPerIdentity), Buckets(options.SubscriptionsPerAddress), "subscribe"),
        };
    }

    /// <summary>Takes one call from both buckets, or throws the refusal that says how long to wait.</summary>
    /// <exception cref="RateLimitedException">Either bucket is empty.</exception>
    public void Take(string limit, string person, string address)
    {
        var (people, addresses, what) = _limits[limit];
        // Look first (asking for no token only looks), so a call refused by one bucket takes nothing from the other.
        using (var lookByPerson = people.AttemptAcquire(person, 0))
        using (var lookByAddress = addresses.AttemptAcquire(address, 0))
        {
            if (!lookByPerson.IsAcquired)
            {
                throw new RateLimitedException(what, RetryAfter(lookByPerson), "you");
            }

            if (!lookByAddress.IsAcquired)
            {
                throw new RateLimitedException(what, RetryAfter(lookByAddress), "your network");
            }
        }

        using var byPerson = people.AttemptAcquire(person);
        using var byAddress = addresses.AttemptAcquire(address);
        if (!byPerson.IsAcquired || !byAddress.IsAcquired)
        {
            // Another call of the same person or address took the last token in between.
            throw new RateLimitedException(what, RetryAfter(byPerson.IsAcquired ? byAddress : byPerson), byPerson.IsAcquired ? "your network" : "you");
        }
    }

    public void Dispose()
    {
        foreach (var (people, addresses, _) in _limits.Values)
        {
            people.Dispose();
            addresses.Dispose();
        }
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);

    private static PartitionedRateLimiter<string> Buckets(RateRule rule) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rule.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = rule.Every,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}

/// <summary>A caller went over a rate limit: the reason says what to slow down and for how long.</summary>
public sealed class RateLimitedException(string what, TimeSpan retryAfter, string who)
    : RefusalException($"Slow down: {who} can {what} again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)} s.")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The hub method writes on a reader's behalf and counts against <see cref="HubRateLimits"/>' named limit.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RateLimitedAttribute(string limit) : Attribute
{
    public string Limit { get; } = limit;
}
