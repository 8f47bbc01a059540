using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// Subscriptions whose renewal failed (their grain's silo had just died) are renewed again within seconds, not at the
/// next full round, backing off to the interval while they keep failing.
/// </summary>
public sealed class RenewalRetriesTests
{
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void NothingFailed_NothingIsRetried()
    {
        var retries = new RenewalRetries(_interval);
        retries.After(Round(), retry: false);

        Assert.Null(retries.Delay);
        Assert.Empty(retries.Failed);
    }

    [Fact]
    public void TheChannelsThatFailed_AreRetriedAfterASecond_ThenLessOften_UpToTheInterval()
    {
        var retries = new RenewalRetries(_interval);
        retries.After(Round("comments:a", "comments:b"), retry: false);
        Assert.Equal(["comments:a", "comments:b"], retries.Failed.Order());
        Assert.Equal(TimeSpan.FromSeconds(1), retries.Delay);

        var delays = new List<TimeSpan?>();
        for (var i = 0; i < 7; i++)
        {
            retries.After(Round("comments:b"), retry: true);
            delays.Add(retries.Delay);
        }

        Assert.Equal(["comments:b"], retries.Failed);
        Assert.Equal([2, 4, 8, 16, 30, 30, 30], delays.Select(d => d!.Value.TotalSeconds));
    }

    [Fact]
    public void ARetryThatSucceeds_EndsTheRetries_AndAFullRoundStartsAfresh()
    {
        var retries = new RenewalRetries(_interval);
        retries.After(Round("desk:news"), retry: false);
        retries.After(Round("desk:news"), retry: true);
        retries.After(Round(), retry: true);
        Assert.Null(retries.Delay);

        retries.After(Round("desk:sport"), retry: false);
        Assert.Equal(TimeSpan.FromSeconds(1), retries.Delay);
        Assert.Equal(["desk:sport"], retries.Failed);
    }

    private static RenewalRound Round(params string[] failed) => new(10, failed, TimeSpan.FromMilliseconds(5));
}
