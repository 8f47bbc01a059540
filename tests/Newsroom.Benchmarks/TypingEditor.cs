using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Newsroom.Core.Changes;

namespace Newsroom.Benchmarks;

/// <summary>
/// One editor of the live-editors load, on a raw WebSocket of a <see cref="ReaderCrowd"/>: it types at the end of its
/// own line of the body on a timer and syncs as <c>@codemirror/collab</c> does (and as <c>DraftEditorClient</c> does
/// for the tests): one push in flight, its confirmation awaited as an event, a pull on a gap or when the confirmation
/// is late, unconfirmed changes rebased over everyone else's one update at a time.
/// </summary>
/// <remarks>
/// What a browser editor keeps that the load does not need is left out, so that one process can be three hundred
/// editors beside the server: the text. An editor keeps its caret, mapped through every change as CodeMirror maps a
/// selection, and the document's length; updates are parsed once for everyone (<see cref="DraftUpdateLog"/>). At the
/// end the log is replayed into one text, and each editor's caret must be at the end of its own line in it.
/// <para>
/// Its unconfirmed edits are always the letters just before its caret: it types at its line's end, where no one else
/// does. So they are kept as a count, and rebasing them over another's update moves them together to where that
/// update maps their start: what mapping each over it in turn gives when the update does not touch them, at a constant
/// cost. Mapping each one (as a browser does, on its own processor) cost this process, which holds 300 editors, their
/// number times every update it received: once a stall left editors with dozens unconfirmed, it could no longer keep
/// up, and they fell further behind (2026-12-03: 73% of its samples, after the server was stopped for 1 s at 300
/// editors). A push writes them out as the single-letter changes they are.
/// </para>
/// </remarks>
internal sealed partial class TypingEditor
{
    private const string Field = "body";
    private const int MaxUpdatesPerPush = 1000;

    // The start of the hub's answer when a grain call timed out (DraftCaller.BusyMessage).
    private const string BusyAnswer = "The draft did not answer in time";

    private static readonly string[] _letters = [.. Enumerable.Range(0, 26).Select(i => ((char)('a' + i)).ToString())];
    private static readonly TimeSpan _confirmWait = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan _busyRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan _answerTimeout = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly long[] _madeAt;
    private int _unconfirmed;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private ReaderCrowd? _crowd;
    private DraftUpdateLog? _log;
    private string _draftId = "";
    private Task _syncing = Task.CompletedTask;
    private int _version;
    private int _caret;
    private int _length;
    private bool _needsPull;
    private int _invocations;
    private string? _awaitedId;
    private TaskCompletionSource<JsonElement>? _answer;
    private int _confirmedOwn;
    private int _confirmTarget;
    private TaskCompletionSource? _confirmed;
    private IReadOnlyList<TypingEditor> _all = [];
    private LatencyHistogram? _latencies;
    private long _windowStart;
    private long _windowEnd;

    public TypingEditor(int index, int capacity)
    {
        Index = index;
        _madeAt = new long[capacity];
    }

    public int Index { get; }

    public int Made { get; private set; }

    public IReadOnlyList<long> MadeAt => _madeAt;

    /// <summary>Refusals the server sent this editor, and calls it never answered; an honest editor gets none.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>"Did not answer in time" answers (storage hanging, a silo overloaded); each was retried.</summary>
    public ConcurrentQueue<string> BusyAnswers { get; } = new();

    public bool IsConnected => _crowd?.IsOpen(Index) == true;

    /// <summary>What this editor's sync loop did: for telling a draft that keeps up from one that fell behind.</summary>
    public EditorSyncCounts Sync { get; } = new();

    public int Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    public int UnconfirmedCount
    {
        get
        {
            lock (_gate)
            {
                return _unconfirmed;
            }
        }
    }

    /// <summary>The editor's caret and the length of the body as it sees it (the log's text plus its unconfirmed edits).</summary>
    public (int Caret, int Length) Position
    {
        get
        {
            lock (_gate)
            {
                return (_caret, _length);
            }
        }
    }

    /// <summary>The body's line for editor <paramref name="index"/>: each types before its line's end, away from the others.</summary>
    public static string Marker(int index) => $"[e{index:D4}] ";

    /// <summary>The client id of editor <paramref name="index"/>'s body, which <see cref="DraftUpdateLog"/> reads back.</summary>
    public static string ClientId(int index) => $"e{index}-body";

    /// <summary>Starts syncing, from the body at <paramref name="version"/> as the editor's OpenDraft found it.</summary>
    public void Start(ReaderCrowd crowd, DraftUpdateLog log, string draftId, int version, string body)
    {
        lock (_gate)
        {
            _crowd = crowd;
            _log = log;
            _draftId = draftId;
            _version = version;
            _length = body.Length;
            _caret = body.IndexOf('\n', body.IndexOf(Marker(Index), StringComparison.Ordinal));
        }

        _syncing = Task.Run(SyncAsync);
    }

    /// <summary>
    /// The oldest <paramref name="count"/> unconfirmed edits as the changes they are now: letters in the order typed,
    /// from where the first sits, each against the text with the ones before it. Under _gate.
    /// </summary>
    private IEnumerable<ChangeSet> Unconfirmed(int count)
    {
        var start = _caret - _unconfirmed;
        var length = _length - _unconfirmed;
        var first = Made - _unconfirmed;
        for (var i = 0; i < count; i++)
        {
            yield return ChangeSet.Of(new ChangeSpec(start + i, start + i, _letters[(first + i) % 26]), length + i);
        }
    }

    /// <summary>Everyone must be open before anyone types, so every observer sees every edit.</summary>
    public void Observe(IReadOnlyList<TypingEditor> all, LatencyHistogram latencies, long windowStart, long windowEnd)
    {
        lock (_gate)
        {
            _all = all;
            _latencies = latencies;
            _windowStart = windowStart;
            _windowEnd = windowEnd;
        }
    }

    /// <summary>Types one character every <paramref name="interval"/> until <paramref name="stopAt"/>; the delays are the workload.</summary>
    public async Task TypeAsync(TimeSpan interval, TimeSpan phase, long stopAt)
    {
        await Task.Delay(phase);
        using var timer = new PeriodicTimer(interval);
        do
        {
            lock (_gate)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= stopAt || Made >= _madeAt.Length)
                {
                    return;
                }

                // Stamped before the edit exists, so no observer can apply it before its stamp is written.
                _madeAt[Made] = now;
                _unconfirmed++;
                Made++;
                _caret++;
                _length++;
                Wake();
            }
        }
        while (await timer.WaitForNextTickAsync());
    }

    /// <summary>
    /// What the editor's connection received: one envelope of an <c>Events</c> message, or any other message whole
    /// (answers to its calls among them), with the time it arrived.
    /// </summary>
    public void Heard(ReadOnlyMemory<byte> message, long at)
    {
        try
        {
            var span = message.Span;
            if (span.StartsWith("{\"channel\":"u8))
            {
                HeardEnvelope(span, at);
            }
            else if (span.IndexOf("\"type\":3"u8) >= 0)
            {
                HeardAnswer(span);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            Errors.Enqueue($"could not read what the server sent: {e.Message}");
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _syncing;
    }

    private void HeardEnvelope(ReadOnlySpan<byte> envelope, long at)
    {
        if (_log is null || envelope.IndexOf("\"draft.updates\""u8) < 0 || envelope.IndexOf("\"field\":\"body\""u8) < 0)
        {
            return;
        }

        var fromVersion = DraftHubCalls.ReadInt(envelope, "\"fromVersion\":"u8);
        lock (_gate)
        {
            if (fromVersion > _version)
            {
                // A gap: something before these was missed, so pull instead of applying them.
                _needsPull = true;
                Wake();
                return;
            }
        }

        // The version only grows, so the log holds everything before these; read outside the lock, once for everyone.
        var count = _log.Read(fromVersion, envelope);
        lock (_gate)
        {
            ApplyUpTo(fromVersion + count, at);
        }
    }

    private void HeardAnswer(ReadOnlySpan<byte> message)
    {
        var reader = new Utf8JsonReader(message);
        using var parsed = JsonDocument.ParseValue(ref reader);
        var id = parsed.RootElement.GetProperty("invocationId").GetString();
        TaskCompletionSource<JsonElement>? answer = null;
        lock (_gate)
        {
            if (id == _awaitedId)
            {
                answer = _answer;
                _awaitedId = null;
                _answer = null;
            }
        }

        answer?.TrySetResult(parsed.RootElement.Clone());
    }

    // Under _gate: applies the log's updates from this editor's version up to `version`, one at a time as the server
    // rebases, timing the others' edits.
    private void ApplyUpTo(int version, long at)
    {
        for (; _version < version; _version++)
        {
            var entry = _log![_version];
            if (entry.Sender >= 0 && entry.Sender != Index && _latencies is not null)
            {
                var madeAt = _all[entry.Sender]._madeAt[entry.Sequence];
                if (madeAt >= _windowStart && madeAt < _windowEnd)
                {
                    _latencies.Record(Stopwatch.GetElapsedTime(madeAt, at));
                }
            }

            if (entry.Sender == Index && _unconfirmed > 0)
            {
                // Our own, confirmed: the document has it already.
                _unconfirmed--;
                _confirmedOwn++;
                continue;
            }

            // The unconfirmed letters sit at `start` of the text the update was made against (the server's, which has
            // none of them); an update touching them there would need them mapped one by one, which this load never does.
            var changes = entry.Changes;
            var start = _caret - _unconfirmed;
            if (_unconfirmed > 0 && changes.TouchesRange(start))
            {
                Errors.Enqueue($"an update at {start} touched editor {Index}'s {_unconfirmed} unconfirmed letters; the load types where no one else does");
            }

            _caret = changes.MapPos(start)!.Value + _unconfirmed;
            _length += changes.NewLength - changes.Length;
        }

        if (_confirmed is not null && _version >= _confirmTarget)
        {
            _confirmed.TrySetResult();
            _confirmed = null;
        }
    }
}
