namespace Newsroom.Grains.Drafts;

/// <summary>
/// When a draft's next write may begin: at once if the last began at least <see cref="DraftOptions.CommitInterval"/>
/// ago, otherwise when it has. A lone edit is stored with no added delay; a busy draft gathers what arrives meanwhile
/// into one write, which storage and every listener pay for once.
/// </summary>
internal sealed class CommitPacing(TimeSpan interval, TimeProvider clock)
{
    private long _lastBegan;
    private bool _begun;

    /// <summary>Completes when the next write may begin, and counts it as begun then.</summary>
    public Task WaitForTurn()
    {
        var wait = _begun && interval > TimeSpan.Zero ? interval - clock.GetElapsedTime(_lastBegan) : TimeSpan.Zero;
        return wait > TimeSpan.Zero ? Begin(Task.Delay(wait, clock)) : Begin(Task.CompletedTask);
    }

    private async Task Begin(Task turn)
    {
        await turn;
        _lastBegan = clock.GetTimestamp();
        _begun = true;
    }
}
