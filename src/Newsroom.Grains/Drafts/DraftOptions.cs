namespace Newsroom.Grains.Drafts;

/// <summary>Section <c>Newsroom:Drafts</c>: the draft grain's tunables. Tests shorten them.</summary>
public sealed class DraftOptions
{
    public const string Section = "Newsroom:Drafts";

    /// <summary>Presence entries silent for this long disappear; browsers send a heartbeat at least every 10 s.</summary>
    public TimeSpan PresenceExpiry { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Presence changes (joins, cursor moves, leaves, expiries) are gathered for this long and told in one message: a
    /// caret on others' screens lags by at most this, and a crowd joining costs each listener one message per interval.
    /// </summary>
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// A busy draft begins at most one append per this interval: what arrives meanwhile waits for the next, so a draft
    /// that 150 editors type into costs storage one write and each listener one message per interval, not one per
    /// keystroke. A push to a draft that has not written for this long is written at once. Zero writes back to back.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Updates (all fields together) after which the grain writes a snapshot, so reloading reads a short log.</summary>
    public int SnapshotEvery { get; set; } = 5_000;

    /// <summary>Updates per field kept for rebasing late pushes and answering pulls.</summary>
    public int Window { get; set; } = DraftLimits.DefaultWindow;

    /// <summary>
    /// The desk hears about a draft's edits at most this often: the desk grain serves every draft, so
    /// one message per keystroke from each would make it the bottleneck.
    /// </summary>
    public TimeSpan DeskThrottle { get; set; } = TimeSpan.FromSeconds(1);
}
