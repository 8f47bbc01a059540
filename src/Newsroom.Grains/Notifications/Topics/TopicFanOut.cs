namespace Newsroom.Grains.Notifications.Topics;

/// <summary>How a topic delivers: the sizes and waits of its fan-out (documented in the README's "Notifications").</summary>
public static class TopicFanOut
{
    /// <summary>Subscribers taken at once: the fan-out of one batch ends before the next batch starts.</summary>
    public const int BatchSize = 5_000;

    /// <summary>
    /// Inbox calls in flight at once within a batch: bounded, so a topic with thousands of subscribers never floods the
    /// silo, and many, because deliveries to a partition share a pack row (<see cref="Inbox.InboxPackCommit"/>) only
    /// when they wait together: measured at 5,000 subscribers, 1,000 in flight put about 4 in a pack and the last inbox
    /// had a comment after 3–7 s; 5,000 put about 20, and 0.5–1 s.
    /// </summary>
    public const int Parallelism = 5_000;

    /// <summary>How long after a publication its fan-out starts: the publishing action's acknowledgement leaves first.</summary>
    public static readonly TimeSpan Deferral = TimeSpan.FromMilliseconds(50);

    /// <summary>Tries after the first failed delivery to one inbox, each after <see cref="RetryDelay"/> doubled per try.</summary>
    public const int Retries = 5;

    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The wait before try <paramref name="attempt"/> (1 is the first retry): 1 s, 2 s, 4 s, 8 s, 16 s.</summary>
    public static TimeSpan Backoff(int attempt) => RetryDelay * Math.Pow(2, attempt - 1);
}
