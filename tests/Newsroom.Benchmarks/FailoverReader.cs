using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// A reader with a story's comments open, as the article page's script keeps them: it joins the thread's channel,
/// notes each comment it hears, asks for what it missed when the versions leave a gap (<c>CatchUp</c>), and when its
/// silo goes away connects to another in service, joins again and catches up from the version it has. A catch-up the
/// thread can no longer answer means the page would reload its list: counted, as a reader would see it.
/// </summary>
internal sealed class FailoverReader : IAsyncDisposable
{
    private readonly ClusterSilos _silos;
    private readonly string _slug;
    private readonly string _channel;
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _ahead = [];
    private readonly CancellationTokenSource _disposed = new();
    private readonly SemaphoreSlim _catchingUp = new(1, 1);
    private HubConnection? _hub;
    private Task _supervising = Task.CompletedTask;
    private long _contiguous;
    private int _silo;
    private volatile bool _mustRejoin = true;

    private FailoverReader(ClusterSilos silos, string slug, int silo) => (_silos, _slug, _channel, _silo) = (silos, slug, $"comments:{slug}", silo);

    /// <summary>Each comment's text with when it was first heard (pushed or caught up).</summary>
    public ConcurrentDictionary<string, long> Heard { get; } = new();

    public int Reloads { get; private set; }

    public int Moves { get; private set; }

    public static async Task<FailoverReader> JoinAsync(ClusterSilos silos, string slug, int silo)
    {
        var reader = new FailoverReader(silos, slug, silo);
        await reader.ConnectAsync(silo);
        reader._supervising = reader.SuperviseAsync();
        return reader;
    }

    public string Describe() => $"reader on silo {_silo}: at version {Interlocked.Read(ref _contiguous)}, heard {Heard.Count}";

    private async Task ConnectAsync(int silo)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(_silos[silo].BaseAddress, "hubs/reader"), o => o.Transports = HttpTransportType.WebSockets)
            .Build();
        hub.OnEvents(OnEnvelope);
        try
        {
            await hub.StartAsync(_disposed.Token);
            await hub.InvokeAsync("Join", _channel, _disposed.Token);
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }

        var previous = _hub;
        _hub = hub;
        if (previous is not null)
        {
            await previous.DisposeAsync();
        }

        _mustRejoin = false;
        await CatchUpAsync();
    }

    private void OnEnvelope(JsonElement envelope)
    {
        var version = envelope.GetProperty("version").GetInt64();
        Note(envelope.GetProperty("event"));
        bool gap;
        lock (_gate)
        {
            if (version > _contiguous)
            {
                _ahead.Add(version);
            }

            while (_ahead.Count > 0 && _ahead.Min == _contiguous + 1)
            {
                _contiguous = _ahead.Min;
                _ahead.Remove(_contiguous);
            }

            gap = _ahead.Count > 0;
        }

        if (gap)
        {
            _ = CatchUpAsync();
        }
    }

    private void Note(JsonElement @event)
    {
        if (@event.TryGetProperty("comment", out var comment) && comment.GetProperty("text").GetString() is { } text)
        {
            Heard.TryAdd(text, Stopwatch.GetTimestamp());
        }
    }

    // The page's catch-up: the events after the version it has, or "reload" when the thread no longer holds them all.
    private async Task CatchUpAsync()
    {
        if (!await _catchingUp.WaitAsync(0))
        {
            return;
        }

        try
        {
            long after;
            lock (_gate)
            {
                after = _contiguous;
            }

            var hub = _hub!;
            var answer = await hub.InvokeAsync<JsonElement>("CatchUp", _channel, after, _disposed.Token);
            if (answer.GetProperty("events") is { ValueKind: JsonValueKind.Array } events)
            {
                foreach (var envelope in events.EnumerateArray())
                {
                    OnEnvelope(envelope);
                }
            }
            else
            {
                // As the page does: the list is read again from the thread, from the version the answer gave.
                Reloads++;
                foreach (var stored in await StoredCommentsAsync(hub, _slug, _disposed.Token))
                {
                    Heard.TryAdd(stored.Text, Stopwatch.GetTimestamp());
                }

                lock (_gate)
                {
                    _contiguous = Math.Max(_contiguous, answer.GetProperty("version").GetInt64());
                    _ahead.RemoveWhere(v => v <= _contiguous);
                }
            }
        }
        catch (Exception) when (!_disposed.IsCancellationRequested)
        {
            // The connection dropped or the thread was busy: the next event, or the rejoin, asks again.
        }
        finally
        {
            _catchingUp.Release();
        }
    }

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

            if (_hub?.State == HubConnectionState.Connected && !_mustRejoin)
            {
                continue;
            }

            _mustRejoin = true;
            var silo = _silos.InService(_silo);
            try
            {
                await ConnectAsync(silo);
                (_silo, Moves) = (silo, Moves + (silo == _silo ? 0 : 1));
            }
            catch (Exception) when (!_disposed.IsCancellationRequested)
            {
                // Not back yet: the next round tries again.
            }
        }
    }

    /// <summary>Every comment stored under the story, oldest first, read page by page as a reader's "more" does.</summary>
    public static async Task<List<(string Text, int Up)>> StoredCommentsAsync(HubConnection hub, string slug, CancellationToken cancel = default)
    {
        var texts = new List<(string Text, int Up)>();
        string? cursor = null;
        do
        {
            var page = await hub.InvokeAsync<JsonElement>("LoadComments", slug, "oldest", cursor, false, cancel);
            texts.AddRange(page.GetProperty("comments").EnumerateArray().Select(c => (c.GetProperty("text").GetString() ?? "", c.GetProperty("up").GetInt32())));
            cursor = page.GetProperty("nextCursor") is { ValueKind: JsonValueKind.String } next ? next.GetString() : null;
        }
        while (cursor is not null);

        return texts;
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        await _supervising;
        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }
}
