using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;

namespace Newsroom.Testing;

/// <summary>
/// A draft editor as the browser runs it, over a real staff-hub connection: each field is a
/// <see cref="CollabDocument"/>; one push is in flight per field at a time (collab's <c>sendableUpdates</c>
/// against the synced version); <c>draft.updates</c> events are received by their <c>fromVersion</c>,
/// and a gap, a reconnect or a confirmation that does not arrive in time makes the field pull.
/// </summary>
public sealed partial class DraftEditorClient : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> FieldNames = ["headline", "standfirst", "body"];

    // How long a push's confirmation may take to arrive as an event before the field pulls instead.
    private static readonly TimeSpan _confirmWait = TimeSpan.FromMilliseconds(500);

    // The start of the hub's answer when a grain call timed out (DraftCaller.BusyMessage), and the pause before
    // trying again.
    private const string BusyAnswer = "The draft did not answer in time";
    private static readonly TimeSpan _busyRetry = TimeSpan.FromMilliseconds(500);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, FieldSync> _fields = new(StringComparer.Ordinal);
    private readonly List<JsonElement> _buffered = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly string _clientIdPrefix;
    private readonly int _maxUpdatesPerPush;
    private readonly bool _recordEvents;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _open;
    private bool _connected;
    private int _pushesSent;
    private int _pullsSent;

    private DraftEditorClient(HubConnection connection, string draftId, string clientIdPrefix, int maxUpdatesPerPush, bool recordEvents)
    {
        _recordEvents = recordEvents;
        Connection = connection;
        DraftId = draftId;
        _clientIdPrefix = clientIdPrefix;
        _maxUpdatesPerPush = maxUpdatesPerPush;
    }

    public HubConnection Connection { get; private set; }

    public string DraftId { get; }

    /// <summary>The view OpenDraft returned on the first open.</summary>
    public JsonElement View { get; private set; }

    /// <summary>Refusals the server sent this editor; an honest editor gets none.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>"Did not answer in time" answers (storage hanging, a silo overloaded); each was retried.</summary>
    public ConcurrentQueue<string> BusyAnswers { get; } = new();

    /// <summary>PushUpdates calls made so far, resends included.</summary>
    public int PushesSent => Volatile.Read(ref _pushesSent);

    /// <summary>PullUpdates calls made so far: each means the events left a gap (or a reconnect or a late confirmation).</summary>
    public int PullsSent => Volatile.Read(ref _pullsSent);

    /// <summary>
    /// Every envelope received on the draft's channel, for tests that watch presence and metadata; empty when the
    /// editor was opened without recording them.
    /// </summary>
    public ChannelReader<JsonElement> Events => _events.Reader;

    /// <summary>
    /// Connects, opens the draft (joining its channel first, as the hub does) and starts syncing. With
    /// <paramref name="maxUpdatesPerPush"/> a push carries at most that many of the unconfirmed updates, as the
    /// browser splits a backlog; by default it sends them all, as collab's <c>sendableUpdates</c> does. Without
    /// <paramref name="recordEvents"/> nothing is kept for <see cref="Events"/>, as a load generator wants.
    /// </summary>
    public static async Task<DraftEditorClient> OpenAsync(
        StaffSession session, string draftId, string? clientIdPrefix = null, int maxUpdatesPerPush = int.MaxValue, bool recordEvents = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxUpdatesPerPush, 1);
        var client = new DraftEditorClient(
            session.Connect(), draftId, clientIdPrefix ?? Guid.NewGuid().ToString("n")[..10], maxUpdatesPerPush, recordEvents);
        client.Listen(client.Connection);
        await client.Connection.StartAsync();
        var view = await client.Connection.InvokeAsync<JsonElement>("OpenDraft", draftId);
        client.Initialize(view);
        return client;
    }

    public string Text(string field)
    {
        lock (_gate)
        {
            return _fields[field].Doc.Doc;
        }
    }

    /// <summary>The field as the server confirmed it at <see cref="Version"/>, without this editor's unconfirmed changes.</summary>
    public string SyncedText(string field)
    {
        lock (_gate)
        {
            return _fields[field].Doc.SyncedDoc;
        }
    }

    public int Version(string field)
    {
        lock (_gate)
        {
            return _fields[field].Doc.Version;
        }
    }

    public int UnconfirmedCount
    {
        get
        {
            lock (_gate)
            {
                return _fields.Values.Sum(f => f.Doc.Unconfirmed.Count);
            }
        }
    }

    /// <summary>Types into a field: <paramref name="edit"/> gets the current text and returns the changes to make.</summary>
    public ChangeSet Edit(string field, Func<string, IEnumerable<ChangeSpec>> edit) =>
        EditDocument(field, doc => edit(doc.Doc));

    /// <summary>
    /// Types into a field without copying its text: <paramref name="edit"/> gets the field's document (search it,
    /// do not edit it) and returns the changes to make. For load generators.
    /// </summary>
    public ChangeSet EditDocument(string field, Func<CollabDocument, IEnumerable<ChangeSpec>> edit)
    {
        lock (_gate)
        {
            var sync = _fields[field];
            var changes = sync.Doc.Edit(edit(sync.Doc));
            Wake(sync);
            return changes;
        }
    }

    /// <summary>Drops the connection as a network failure would; edits meanwhile stay unconfirmed.</summary>
    public async Task DisconnectAsync()
    {
        lock (_gate)
        {
            _connected = false;
        }

        await Connection.StopAsync();
    }

    /// <summary>
    /// Reconnects and reopens the draft (a new connection has no groups), then catches up by pulling from each
    /// field's synced version. With <paramref name="resendBeforePull"/> it first resends the unconfirmed
    /// updates against the old version, as a client that lost a push's answer does; the server must drop
    /// those it already has.
    /// </summary>
    public async Task ReconnectAsync(bool resendBeforePull = false, Func<HubConnection>? through = null)
    {
        if (through is not null)
        {
            // Another silo, as a proxy sends a browser whose silo went away: a new connection to a new address.
            var next = through();
            Listen(next);
            try
            {
                await next.StartAsync();
            }
            catch
            {
                await next.DisposeAsync();
                throw;
            }

            var previous = Connection;
            Connection = next;
            await previous.DisposeAsync();
        }
        else if (Connection.State == HubConnectionState.Disconnected)
        {
            await Connection.StartAsync();
        }

        await Connection.InvokeAsync<JsonElement>("OpenDraft", DraftId);
        lock (_gate)
        {
            _connected = true;
            foreach (var sync in _fields.Values)
            {
                sync.NeedsPull = !(resendBeforePull && sync.Doc.Unconfirmed.Count > 0);
                Wake(sync);
            }
        }
    }

    /// <summary>Pulls every field now, for callers that want to catch up without waiting for events.</summary>
    public void RequestPull()
    {
        lock (_gate)
        {
            foreach (var sync in _fields.Values)
            {
                sync.NeedsPull = true;
                Wake(sync);
            }
        }
    }

    /// <summary>Reports a selection; with <paramref name="version"/>, in the field as the server had it at that version.</summary>
    public Task UpdatePresenceAsync(string field, int anchor, int head, int? version = null) =>
        Connection.InvokeAsync("UpdatePresence", DraftId, new { field, anchor, head, version });

    /// <summary>Waits until <paramref name="done"/> holds for this editor's state, re-checking after every change.</summary>
    public async Task WaitUntilAsync(Func<DraftEditorClient, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (done(this))
                {
                    return;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"Waited {timeout.TotalSeconds:0.#} s for {what}; versions {Describe()}, errors: {string.Join(" | ", Errors)}");
            }

            // Also wakes periodically: a push loop's state (not only received updates) can make it true.
            await Task.WhenAny(changed, Task.Delay(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100)));
        }
    }

    public string Describe()
    {
        lock (_gate)
        {
            return string.Join(", ", _fields.Select(f => $"{f.Key} v{f.Value.Doc.Version} ({f.Value.Doc.Unconfirmed.Count} unconfirmed)"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Connection.DisposeAsync();
        Task[] loops;
        lock (_gate)
        {
            loops = [.. _fields.Values.Select(f => f.Loop)];
        }

        await Task.WhenAll(loops);
        _stop.Dispose();
    }

    private void Listen(HubConnection connection)
    {
        connection.OnEvents(OnEvent);
        connection.Closed += _ =>
        {
            lock (_gate)
            {
                // Only the connection in use says whether this editor is connected.
                if (ReferenceEquals(connection, Connection))
                {
                    _connected = false;
                }
            }

            return Task.CompletedTask;
        };
    }

    private void Initialize(JsonElement view)
    {
        lock (_gate)
        {
            View = view.Clone();
            var fields = view.GetProperty("fields");
            foreach (var name in FieldNames)
            {
                var field = fields.GetProperty(name);
                var doc = new CollabDocument(
                    $"{_clientIdPrefix}-{name}", JsStrings.Read(field.GetProperty("text")), field.GetProperty("version").GetInt32());
                _fields[name] = new FieldSync(name, doc);
            }

            _open = true;
            _connected = true;
            foreach (var envelope in _buffered)
            {
                Apply(envelope);
            }

            _buffered.Clear();
            foreach (var (name, sync) in _fields)
            {
                sync.Loop = Task.Run(() => RunAsync(name, sync));
            }
        }
    }
}
