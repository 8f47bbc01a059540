using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace Newsroom.Benchmarks;

/// <summary>An editor's sync loop: one call in flight, as <c>@codemirror/collab</c> sends them.</summary>
internal sealed partial class TypingEditor
{
    // The sync loop: whenever woken, pushes what is unconfirmed (or pulls), one call at a time, until nothing is left.
    private async Task SyncAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (!stop.IsCancellationRequested && IsConnected)
            {
                bool pull;
                byte[] call;
                Task<JsonElement> answered;
                int pushedCount, confirmedBefore;
                lock (_gate)
                {
                    pull = _needsPull;
                    _needsPull = false;
                    if (!pull && _unconfirmed == 0)
                    {
                        break;
                    }

                    pushedCount = pull ? 0 : Math.Min(_unconfirmed, MaxUpdatesPerPush);
                    confirmedBefore = _confirmedOwn;
                    Sync.Called(pull, pushedCount);

                    _awaitedId = (++_invocations).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    call = pull
                        ? DraftHubCalls.Pull(_awaitedId, _draftId, Field, _version)
                        : DraftHubCalls.Push(_awaitedId, _draftId, Field, _version, ClientId(Index), Unconfirmed(pushedCount));
                    _answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
                    answered = _answer.Task;
                }

                try
                {
                    await _crowd!.SendAsync(Index, call);
                    var answer = await answered.WaitAsync(_answerTimeout, stop);
                    if (answer.TryGetProperty("error", out var error))
                    {
                        var reason = error.GetString() ?? "";
                        if (!reason.Contains(BusyAnswer, StringComparison.Ordinal))
                        {
                            Errors.Enqueue(reason);
                            break;
                        }

                        // As the browser does: nothing was wrong with the call, so it goes again after a pause.
                        BusyAnswers.Enqueue(reason);
                        lock (_gate)
                        {
                            _needsPull |= pull;
                        }

                        _ = RetryAfterAsync();
                        break;
                    }

                    var result = answer.GetProperty("result");
                    if (pull)
                    {
                        var fromVersion = result.GetProperty("fromVersion").GetInt32();
                        var updates = result.GetProperty("updates");
                        _log!.Fill(fromVersion, updates);
                        lock (_gate)
                        {
                            ApplyUpTo(fromVersion + updates.GetArrayLength(), Stopwatch.GetTimestamp());
                        }
                    }
                    else if (!await ConfirmedAsync(result.GetProperty("version").GetInt32()))
                    {
                        lock (_gate)
                        {
                            _needsPull = true;
                            Sync.LateConfirmations++;
                        }
                    }
                    else
                    {
                        lock (_gate)
                        {
                            // The server took fewer than were sent (a push too late to rebase whole).
                            Sync.ShortPushes += _confirmedOwn - confirmedBefore < pushedCount ? 1 : 0;
                        }
                    }
                }
                catch (TimeoutException)
                {
                    Errors.Enqueue($"no answer to a {(pull ? "pull" : "push")} in {_answerTimeout.TotalSeconds:0} s");
                    break;
                }
                catch (WebSocketException)
                {
                    // The connection dropped; the benchmark counts this editor as interrupted.
                    break;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    // Whether the events bring this editor to `version` (its push's) within the confirm wait.
    private async Task<bool> ConfirmedAsync(int version)
    {
        Task confirmed;
        lock (_gate)
        {
            if (_version >= version)
            {
                return true;
            }

            _confirmTarget = version;
            _confirmed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            confirmed = _confirmed.Task;
        }

        try
        {
            await confirmed.WaitAsync(_confirmWait, _stop.Token);
            return true;
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _confirmed = null;
            }

            return false;
        }
    }

    private async Task RetryAfterAsync()
    {
        try
        {
            await Task.Delay(_busyRetry, _stop.Token);
            lock (_gate)
            {
                Wake();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Under _gate.
    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }
}
