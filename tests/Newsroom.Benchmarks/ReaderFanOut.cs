using System.Diagnostics;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>What the update measurement saw: per update, the time until the last reader had it; per reader, each arrival.</summary>
internal sealed record FanOutResult(
    int Readers,
    int Updates,
    double LastReaderP50Ms,
    double LastReaderP99Ms,
    double EachReaderP50Ms,
    double EachReaderP99Ms,
    double LastReaderFromCallP99Ms,
    double ArrivedBeforeAckShare,
    double PublishCallP50Ms,
    bool AllDelivered);

/// <summary>
/// Readers with the story open (a <see cref="ReaderCrowd"/> joined to <c>article:{slug}</c>, as the article page's script
/// does) while the desk publishes updates one after another: from each publish's acknowledgement until every reader
/// has the event, which carries the new text.
/// </summary>
internal static class ReaderFanOut
{
    private static readonly TimeSpan _deliveryTimeout = TimeSpan.FromSeconds(30);

    public static async Task<FanOutResult> RunAsync(NewsroomServer server, PublishingDesk desk, string draftId, string slug, string body, int readers, int updates)
    {
        var arrivals = new long[readers][];
        var counts = new int[readers];
        for (var r = 0; r < readers; r++)
        {
            arrivals[r] = new long[updates];
        }

        await using var crowd = await ReaderCrowd.JoinAsync(server, readers, $"article:{slug}", (r, message, at) =>
        {
            if (message.Span.IndexOf("{\"channel\":"u8) != 0)
            {
                return;
            }

            var n = Interlocked.Increment(ref counts[r]) - 1;
            if (n < updates)
            {
                arrivals[r][n] = at;
            }
        }, parallel: 32);

        var called = new long[updates];
        var acked = new long[updates];
        var baseVersion = 1;
        var allDelivered = true;
        for (var u = 0; u < updates; u++)
        {
            var next = $"{body}\n\nUpdate {u + 1}: the count in district {u + 1} is complete.";
            await desk.ReplaceBodyAsync(draftId, baseVersion, body, next);
            baseVersion++;
            body = next;
            called[u] = Stopwatch.GetTimestamp();
            await desk.Step(draftId, "update", $"Update: district {u + 1} counted.", "update");
            acked[u] = Stopwatch.GetTimestamp();
            var want = u + 1;
            try
            {
                await Eventually.Until(() => Task.FromResult(counts.Min()), least => least >= want, _deliveryTimeout, $"every reader to have update {want}");
            }
            catch (TimeoutException e)
            {
                Console.Error.WriteLine($"note: {e.Message}");
                allDelivered = false;
                break;
            }
        }

        var lastReader = new LatencyHistogram();
        var lastReaderFromCall = new LatencyHistogram();
        var eachReader = new LatencyHistogram();
        var publishCalls = new LatencyHistogram();
        long beforeAck = 0;
        long arrived = 0;
        for (var u = 0; u < updates && acked[u] != 0; u++)
        {
            publishCalls.Record(Stopwatch.GetElapsedTime(called[u], acked[u]));
            var last = long.MinValue;
            for (var r = 0; r < readers; r++)
            {
                var at = arrivals[r][u];
                if (at == 0)
                {
                    continue;
                }

                arrived++;
                last = Math.Max(last, at);
                // An event can reach a reader before the editor's answer does (the grain sends it, then finishes writing
                // the index and the draft): that reader had the update no later than the acknowledgement.
                if (at < acked[u])
                {
                    beforeAck++;
                }

                eachReader.Record(at > acked[u] ? Stopwatch.GetElapsedTime(acked[u], at) : TimeSpan.Zero);
            }

            if (last != long.MinValue)
            {
                lastReader.Record(last > acked[u] ? Stopwatch.GetElapsedTime(acked[u], last) : TimeSpan.Zero);
                lastReaderFromCall.Record(Stopwatch.GetElapsedTime(called[u], last));
            }
        }

        return new FanOutResult(
            readers,
            updates,
            lastReader.PercentileMs(50),
            lastReader.PercentileMs(99),
            eachReader.PercentileMs(50),
            eachReader.PercentileMs(99),
            lastReaderFromCall.PercentileMs(99),
            arrived == 0 ? 0 : (double)beforeAck / arrived,
            publishCalls.PercentileMs(50),
            allDelivered && counts.All(c => c == updates));
    }
}
