using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// An editor typing into its own line of one draft through a cluster, about two edits a second; when its silo goes
/// away it connects to another silo in service, reopens the draft and sends what was not confirmed, as the editor's
/// page does. Each edit appends a token of its own (<c> e3.17;</c>) and nothing is ever deleted, so the stored text
/// shows which edits were kept: each token exactly once.
/// </summary>
internal sealed class FailoverEditor : IAsyncDisposable
{
    private readonly DraftEditorClient _client;
    private readonly StaffSession _staff;
    private readonly ClusterSilos _silos;
    private readonly ConcurrentQueue<(string Token, long MadeAt)> _made = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task _typing = Task.CompletedTask;
    private Task _supervising = Task.CompletedTask;
    private volatile bool _mustReopen;
    private int _silo;

    private FailoverEditor(DraftEditorClient client, StaffSession staff, ClusterSilos silos, int index, int silo) =>
        (_client, _staff, _silos, Index, _silo) = (client, staff, silos, index, silo);

    public int Index { get; }

    public int Made => _made.Count;

    /// <summary>Refusals the server sent (an error a person would see); busy answers are retried and not counted.</summary>
    public IReadOnlyCollection<string> Errors => _client.Errors;

    public int BusyAnswers => _client.BusyAnswers.Count;

    public int Moves { get; private set; }

    public static string Marker(int index) => $"[editor {index}]";

    public static async Task<FailoverEditor> OpenAsync(StaffSession staff, ClusterSilos silos, string draftId, int index, int silo)
    {
        var client = await DraftEditorClient.OpenAsync(staff, draftId, $"editor{index}", recordEvents: false);
        var editor = new FailoverEditor(client, staff, silos, index, silo);
        editor._supervising = editor.SuperviseAsync();
        return editor;
    }

    public void StartTyping(int seed) => _typing = TypeAsync(new Random(seed));

    /// <summary>Whether an edit this editor made after <paramref name="since"/> has been confirmed by the draft.</summary>
    public bool EditingAgainSince(long since)
    {
        var first = _made.FirstOrDefault(m => m.MadeAt > since).Token;
        return first is not null && _client.SyncedText("body").Contains(first, StringComparison.Ordinal);
    }

    /// <summary>Stops typing and waits (up to <paramref name="timeout"/>) until every edit is confirmed.</summary>
    public async Task<bool> SettleAsync(TimeSpan timeout)
    {
        await _stop.CancelAsync();
        await _typing;
        try
        {
            await _client.WaitUntilAsync(c => c.UnconfirmedCount == 0 && !_mustReopen, timeout, $"editor {Index}'s edits confirmed");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Tokens this editor made that the text holds other than once: (missing, doubled).</summary>
    public (int Missing, int Doubled) Count(string text)
    {
        var (missing, doubled) = (0, 0);
        foreach (var (token, _) in _made)
        {
            var first = text.IndexOf(token, StringComparison.Ordinal);
            missing += first < 0 ? 1 : 0;
            doubled += first >= 0 && text.IndexOf(token, first + token.Length, StringComparison.Ordinal) >= 0 ? 1 : 0;
        }

        return (missing, doubled);
    }

    public async Task<bool> HoldsAsync(int version, string text, TimeSpan timeout)
    {
        try
        {
            await _client.WaitUntilAsync(c => c.Version("body") >= version, timeout, $"editor {Index} at v{version}");
            return _client.Text("body") == text;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public string Describe() => $"editor {Index} on silo {_silo}: {_client.Describe()}";

    private async Task TypeAsync(Random random)
    {
        var marker = Marker(Index);
        while (!_stop.IsCancellationRequested)
        {
            // A person types a little ahead of the draft, never a minute's worth.
            if (_client.UnconfirmedCount < 20)
            {
                var token = $" e{Index}.{_made.Count + 1};";
                _client.Edit("body", text =>
                {
                    var line = text.IndexOf('\n', text.IndexOf(marker, StringComparison.Ordinal));
                    return [new ChangeSpec(line, null, token)];
                });
                _made.Enqueue((token, Stopwatch.GetTimestamp()));
            }

            try
            {
                await Task.Delay(random.Next(300, 700), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // What the page's connection does: when it drops, connect again (through the proxy, to a silo in service), reopen
    // the draft and send what was not confirmed. Also after typing stops, until the client is disposed.
    private async Task SuperviseAsync()
    {
        while (!_disposed.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(100, _disposed.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_client.Connection.State == HubConnectionState.Connected && !_mustReopen)
            {
                continue;
            }

            _mustReopen = true;
            try
            {
                if (_client.Connection.State == HubConnectionState.Connected)
                {
                    await _client.ReconnectAsync(resendBeforePull: true);
                }
                else
                {
                    var silo = _silos.InService(_silo);
                    await _client.ReconnectAsync(resendBeforePull: true, through: () => _staff.ConnectThrough(_silos[silo]));
                    (_silo, Moves) = (silo, Moves + 1);
                }

                _mustReopen = false;
            }
            catch (Exception) when (!_disposed.IsCancellationRequested)
            {
                // Not back yet (the silo refused, or the draft was busy): the next round tries again.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _disposed.CancelAsync();
        await _typing;
        await _supervising;
        await _client.DisposeAsync();
    }
}
