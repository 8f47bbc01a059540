using System.Diagnostics.Metrics;

namespace Newsroom.Grains.Telemetry;

/// <summary>
/// The newsroom's own measurements, one meter for every feature, named as operators read them (README "What operators
/// see"). Static, as the runtime's own meters are: a silo is one process, and recording costs one check when nothing
/// listens. The server exports them with OpenTelemetry (a Prometheus scrape, OTLP or the console).
/// </summary>
public static class NewsroomMetrics
{
    public const string MeterName = "Newsroom";

    private static readonly Meter _meter = new(MeterName);

    // Latencies from a millisecond (an idle silo) to seconds (storage stalling); the exporters' default starts at 5 ms.
    private static readonly InstrumentAdvice<double> _latencyBuckets = new()
    {
        HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000],
    };

    private static readonly InstrumentAdvice<int> _batchBuckets = new()
    {
        HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000],
    };

    /// <summary>Draft updates made durable (each one an editor's change), to be read as a rate.</summary>
    public static readonly Counter<long> EditsAccepted = _meter.CreateCounter<long>(
        "newsroom.draft.edits.accepted", "{update}", "Draft updates made durable");

    /// <summary>From a draft's batch append beginning to it being durable in storage.</summary>
    public static readonly Histogram<double> CommitDuration = _meter.CreateHistogram<double>(
        "newsroom.draft.commit.duration", "ms", "Time to append one group-commit batch to a draft's log", advice: _latencyBuckets);

    /// <summary>Updates per group-commit batch: how much each append carries.</summary>
    public static readonly Histogram<int> CommitBatchSize = _meter.CreateHistogram<int>(
        "newsroom.draft.commit.batch_size", "{update}", "Updates in one group-commit batch", advice: _batchBuckets);

    /// <summary>Live SignalR connections on this silo, tagged <c>hub</c> (staff or readers).</summary>
    public static readonly UpDownCounter<long> LiveConnections = _meter.CreateUpDownCounter<long>(
        "newsroom.connections.live", "{connection}", "Live SignalR connections on this silo");

    /// <summary>From a grain publishing an event to this silo's relay handing it to SignalR.</summary>
    public static readonly Histogram<double> FanOutDelay = _meter.CreateHistogram<double>(
        "newsroom.fanout.delay", "ms", "Time from a grain publishing an event to its SignalR send on this silo", advice: _latencyBuckets);

    /// <summary>Comments stored, tagged <c>status</c>: published at once or held for moderation.</summary>
    public static readonly Counter<long> CommentsPosted = _meter.CreateCounter<long>(
        "newsroom.comments.posted", "{comment}", "Comments stored, by status (published or held)");

    /// <summary>Notifications added to inboxes (one per person told).</summary>
    public static readonly Counter<long> NotificationsDelivered = _meter.CreateCounter<long>(
        "newsroom.notifications.delivered", "{notification}", "Notifications added to inboxes");

    /// <summary>Emails handed to the mail server (each may carry several notifications).</summary>
    public static readonly Counter<long> EmailsSent = _meter.CreateCounter<long>(
        "newsroom.emails.sent", "{email}", "Notification emails accepted by the mail server");

    /// <summary>Storage requests that failed: answered 408, 429 or 5xx, or not answered; tagged <c>service</c> and <c>status</c>.</summary>
    public static readonly Counter<long> StorageErrors = _meter.CreateCounter<long>(
        "newsroom.storage.errors", "{request}", "Storage requests that failed (throttled, server error or no answer)");
}
