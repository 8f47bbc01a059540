namespace Newsroom.Server.Realtime;

/// <summary>
/// Which subscriptions the relay renews again, and when, after a round in which some failed. Right after a silo dies
/// the cluster may still route a call to it, so the renewal meant to bring its grains back can fail for some of them;
/// waiting for the next full round would leave those channels silent on this silo for up to the interval. The failed
/// ones are tried again after 1 s, then 2, 4, … up to the interval; a full round starts afresh.
/// </summary>
public sealed class RenewalRetries(TimeSpan interval)
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);

    private TimeSpan _delay = FirstDelay;

    /// <summary>The channels whose last renewal failed.</summary>
    public IReadOnlyList<string> Failed { get; private set; } = [];

    /// <summary>How long to wait before trying <see cref="Failed"/> again; null when nothing failed.</summary>
    public TimeSpan? Delay => Failed.Count == 0 ? null : _delay;

    /// <summary>Takes note of a round: a full one, or a retry of <see cref="Failed"/>.</summary>
    public void After(RenewalRound round, bool retry)
    {
        var doubled = _delay * 2;
        _delay = !retry ? FirstDelay : doubled < interval ? doubled : interval;
        Failed = round.FailedChannels;
    }
}
