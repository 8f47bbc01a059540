using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>The token buckets behind <c>[RateLimited]</c> hub methods: per person and per address, with the wait in the refusal.</summary>
public sealed class HubRateLimitsTests
{
    [Fact]
    public void ASecondCommentWithinThreeSeconds_IsRefused_SayingHowLongToWait()
    {
        using var limits = new HubRateLimits(new HubRateLimitOptions());
        limits.Take(HubRateLimits.Comments, "g-reader", "203.0.113.7");

        var refused = Assert.Throws<RateLimitedException>(() => limits.Take(HubRateLimits.Comments, "g-reader", "203.0.113.7"));

        Assert.Matches(@"^Slow down: you can comment again in [1-3] s\.$", refused.Message);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void OtherPeopleOnTheSameAddress_MayComment_UntilTheAddressBucketIsEmpty()
    {
        using var limits = new HubRateLimits(new HubRateLimitOptions
        {
            CommentsPerAddress = new RateRule { Burst = 3, Every = TimeSpan.FromMinutes(1) },
        });

        foreach (var person in new[] { "g-a", "g-b", "g-c" })
        {
            limits.Take(HubRateLimits.Comments, person, "198.51.100.1");
        }

        var refused = Assert.Throws<RateLimitedException>(() => limits.Take(HubRateLimits.Comments, "g-d", "198.51.100.1"));
        limits.Take(HubRateLimits.Comments, "g-d", "198.51.100.2");

        Assert.StartsWith("Slow down: your network can comment again in", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFewVotesAtOnce_AreAllowed_ThenTheNextIsRefused_AndCommentsCountApart()
    {
        using var limits = new HubRateLimits(new HubRateLimitOptions
        {
            VotesPerIdentity = new RateRule { Burst = 5, Every = TimeSpan.FromMinutes(1) },
        });

        for (var i = 0; i < 5; i++)
        {
            limits.Take(HubRateLimits.Votes, "g-voter", "192.0.2.1");
        }

        var refused = Assert.Throws<RateLimitedException>(() => limits.Take(HubRateLimits.Votes, "g-voter", "192.0.2.1"));
        limits.Take(HubRateLimits.Comments, "g-voter", "192.0.2.1");

        Assert.StartsWith("Slow down: you can vote again in", refused.Message, StringComparison.Ordinal);
    }
}
