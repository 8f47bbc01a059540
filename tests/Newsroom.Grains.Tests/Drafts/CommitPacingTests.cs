using Microsoft.Extensions.Time.Testing;
using Newsroom.Grains.Drafts;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>A draft's writes: a lone edit is stored at once, a busy draft begins at most one write per interval.</summary>
public sealed class CommitPacingTests
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(20);
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void TheFirstWrite_BeginsAtOnce()
    {
        var pacing = new CommitPacing(_interval, _clock);

        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
    }

    [Fact]
    public void AWriteSoonAfterTheLast_WaitsUntilTheIntervalHasPassedSinceTheLastBegan()
    {
        var pacing = new CommitPacing(_interval, _clock);
        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
        _clock.Advance(TimeSpan.FromMilliseconds(8));

        var next = pacing.WaitForTurn();
        _clock.Advance(TimeSpan.FromMilliseconds(11));
        var stillWaiting = !next.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(stillWaiting);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public void TheIntervalIsCountedFromWhenTheWaitingWriteBegan_NotFromWhenItAsked()
    {
        var pacing = new CommitPacing(_interval, _clock);
        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
        _clock.Advance(TimeSpan.FromMilliseconds(5));
        var second = pacing.WaitForTurn();
        _clock.Advance(TimeSpan.FromMilliseconds(15));
        Assert.True(second.IsCompletedSuccessfully);

        _clock.Advance(TimeSpan.FromMilliseconds(19));
        var third = pacing.WaitForTurn();
        var waitingAfter19 = !third.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(waitingAfter19);
        Assert.True(third.IsCompletedSuccessfully);
    }

    [Fact]
    public void AWriteAfterAQuietInterval_BeginsAtOnce()
    {
        var pacing = new CommitPacing(_interval, _clock);
        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
        _clock.Advance(_interval);

        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
    }

    [Fact]
    public void AZeroInterval_NeverWaits()
    {
        var pacing = new CommitPacing(TimeSpan.Zero, _clock);

        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
        Assert.True(pacing.WaitForTurn().IsCompletedSuccessfully);
    }
}
