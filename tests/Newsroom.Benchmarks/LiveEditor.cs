using System.Diagnostics;
using Newsroom.Core.Changes;
using Newsroom.Core.Collab;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// One editor of the live-editors load: types at the end of its own line of the body on a timer, stamps each
/// edit with the load generator's clock, and, as an observer, times every other editor's edits as it applies
/// them. Edits are matched by (client id, sequence) because the server never merges or reorders one client's updates.
/// </summary>
internal sealed class LiveEditor
{
    private readonly long[] _madeAt;
    private readonly string _marker;
    private int[] _seen = [];
    private IReadOnlyList<LiveEditor> _all = [];
    private Dictionary<string, int> _indexByClientId = [];
    private LatencyHistogram? _latencies;
    private long _windowStart;
    private long _windowEnd;

    public LiveEditor(int index, int capacity)
    {
        Index = index;
        _madeAt = new long[capacity];
        _marker = Marker(index);
    }

    public int Index { get; }

    public string Prefix => $"e{Index}";

    public string BodyClientId => $"{Prefix}-body";

    public DraftEditorClient Client { get; private set; } = null!;

    public int Made { get; private set; }

    public IReadOnlyList<long> MadeAt => _madeAt;

    /// <summary>The body's line for editor <paramref name="index"/>: each types before its line's end, away from the others.</summary>
    public static string Marker(int index) => $"[e{index:D4}] ";

    public async Task OpenAsync(StaffSession session, string draftId, int maxUpdatesPerPush)
    {
        Client = await DraftEditorClient.OpenAsync(session, draftId, Prefix, maxUpdatesPerPush, recordEvents: false);
        Client.Applied = OnApplied;
    }

    public ValueTask CloseAsync() => Client.DisposeAsync();

    /// <summary>Everyone must be open before anyone types, so every observer sees every edit.</summary>
    public void Observe(IReadOnlyList<LiveEditor> all, Dictionary<string, int> indexByClientId, LatencyHistogram latencies, long windowStart, long windowEnd)
    {
        _all = all;
        _indexByClientId = indexByClientId;
        _seen = new int[all.Count];
        _latencies = latencies;
        _windowStart = windowStart;
        _windowEnd = windowEnd;
    }

    /// <summary>Types one character every <paramref name="interval"/> until <paramref name="stopAt"/>; the delays are the workload.</summary>
    public async Task TypeAsync(TimeSpan interval, TimeSpan phase, long stopAt)
    {
        await Task.Delay(phase);
        using var timer = new PeriodicTimer(interval);
        do
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= stopAt || Made >= _madeAt.Length)
            {
                return;
            }

            // Stamped before the edit exists, so no observer can apply it before its stamp is written.
            _madeAt[Made] = now;
            var letter = (char)('a' + (Made % 26));
            Made++;
            Client.EditDocument("body", doc =>
            {
                var line = doc.IndexOf(_marker);
                var end = doc.IndexOf("\n", line);
                return [new ChangeSpec(end, end, letter.ToString())];
            });
        }
        while (await timer.WaitForNextTickAsync());
    }

    // Runs under the observing client's lock, one field's updates in log order.
    private void OnApplied(string field, IReadOnlyList<CollabUpdate> updates)
    {
        if (field != "body" || _latencies is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        foreach (var update in updates)
        {
            if (!_indexByClientId.TryGetValue(update.ClientId, out var sender))
            {
                continue;
            }

            var sequence = _seen[sender]++;
            if (sender == Index)
            {
                continue;
            }

            var madeAt = _all[sender]._madeAt[sequence];
            if (madeAt >= _windowStart && madeAt < _windowEnd)
            {
                _latencies.Record(Stopwatch.GetElapsedTime(madeAt, now));
            }
        }
    }
}
