using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Core.Collab;

namespace Newsroom.Testing;

/// <summary>The syncing half: events and pulls in, one push per field in flight out.</summary>
public sealed partial class DraftEditorClient
{
    private void OnEvent(JsonElement envelope)
    {
        if (_recordEvents)
        {
            _events.Writer.TryWrite(envelope.Clone());
        }

        lock (_gate)
        {
            if (_open)
            {
                Apply(envelope);
            }
            else
            {
                _buffered.Add(envelope.Clone());
            }
        }
    }

    // Under _gate.
    private void Apply(JsonElement envelope)
    {
        if (envelope.GetProperty("channel").GetString() != $"draft:{DraftId}")
        {
            return;
        }

        var e = envelope.GetProperty("event");
        if (e.GetProperty("type").GetString() != "draft.updates")
        {
            return;
        }

        var sync = _fields[e.GetProperty("field").GetString()!];
        Receive(sync, e.GetProperty("fromVersion").GetInt32(), e.GetProperty("updates"));
    }

    // Under _gate.
    private void Receive(FieldSync sync, int fromVersion, JsonElement updates)
    {
        var parsed = updates.EnumerateArray()
            .Select(u => new CollabUpdate(ChangeSet.FromJson(u.GetProperty("changes")), u.GetProperty("clientId").GetString()!))
            .ToList();
        if (!sync.Doc.Receive(fromVersion, parsed))
        {
            sync.NeedsPull = true;
        }

        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
        Wake(sync);
    }

    private static void Wake(FieldSync sync)
    {
        if (sync.Wake.CurrentCount == 0)
        {
            sync.Wake.Release();
        }
    }

    private async Task RunAsync(string name, FieldSync sync)
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await sync.Wake.WaitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            while (!stop.IsCancellationRequested)
            {
                bool pull;
                int version;
                WireUpdate[] updates;
                lock (_gate)
                {
                    if (!_connected)
                    {
                        break;
                    }

                    pull = sync.NeedsPull;
                    sync.NeedsPull = false;
                    version = sync.Doc.Version;
                    updates = pull ? [] : [.. sync.Doc.Unconfirmed.Take(_maxUpdatesPerPush).Select(u => new WireUpdate(u.ClientId, u.Changes.ToJson()))];
                    if (!pull && updates.Length == 0)
                    {
                        break;
                    }
                }

                try
                {
                    if (pull)
                    {
                        Interlocked.Increment(ref _pullsSent);
                        var pulled = await Connection.InvokeAsync<JsonElement>("PullUpdates", DraftId, name, version, stop);
                        lock (_gate)
                        {
                            Receive(sync, pulled.GetProperty("fromVersion").GetInt32(), pulled.GetProperty("updates"));
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref _pushesSent);
                        var pushed = await Connection.InvokeAsync<JsonElement>("PushUpdates", DraftId, name, version, updates, stop);
                        var target = pushed.GetProperty("version").GetInt32();
                        if (!await WaitForVersion(sync, target, _confirmWait))
                        {
                            lock (_gate)
                            {
                                sync.NeedsPull = true;
                            }
                        }
                    }
                }
                catch (HubException e) when (e.Message.Contains(BusyAnswer, StringComparison.Ordinal))
                {
                    // As the browser does: nothing was wrong with the push, so it goes again after a pause.
                    BusyAnswers.Enqueue($"{name}: {e.Message}");
                    lock (_gate)
                    {
                        sync.NeedsPull |= pull;
                    }

                    _ = RetryAfterAsync(sync);
                    break;
                }
                catch (HubException e)
                {
                    Errors.Enqueue($"{name}: {e.Message}");
                    break;
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // The connection dropped mid-call; ReconnectAsync wakes this loop again.
                    lock (_gate)
                    {
                        sync.NeedsPull |= pull;
                    }

                    break;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RetryAfterAsync(FieldSync sync)
    {
        try
        {
            await Task.Delay(_busyRetry, _stop.Token);
            lock (_gate)
            {
                Wake(sync);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> WaitForVersion(FieldSync sync, int version, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (sync.Doc.Version >= version)
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || await Task.WhenAny(changed, Task.Delay(left, _stop.Token)) != changed)
            {
                return false;
            }
        }
    }

    private sealed class FieldSync(string name, CollabDocument doc)
    {
        public string Name { get; } = name;

        public CollabDocument Doc { get; } = doc;

        public SemaphoreSlim Wake { get; } = new(0, 1);

        public bool NeedsPull { get; set; }

        public Task Loop { get; set; } = Task.CompletedTask;
    }
}
