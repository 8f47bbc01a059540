using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Newsroom.Benchmarks;

/// <summary>
/// A staff member commenting on a story about twice a second, each comment through a silo in service picked at
/// random, as readers behind a proxy arrive at every silo. A comment that is not answered (its silo died, the thread
/// was busy) is sent again with the same key, as the comment form does, until it is acknowledged; the key makes a
/// resend of a comment that did land the same comment, not a second one.
/// </summary>
internal sealed class FailoverCommenter(ClusterSilos silos, CookieContainer staff, string slug, int seed) : IAsyncDisposable
{
    private const string BusyAnswer = "did not answer in time";

    private readonly HubConnection?[] _connections = new HubConnection?[silos.Count];
    private readonly CancellationTokenSource _stop = new();
    private Task _posting = Task.CompletedTask;

    /// <summary>Each comment the thread acknowledged, with when.</summary>
    public ConcurrentQueue<(string Text, long AckedAt)> Acknowledged { get; } = new();

    /// <summary>Refusals other than "busy" (what a reader would see as an error); that comment is given up.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>"Kept here and sent again" notices a reader would have seen.</summary>
    public int BusyNotices => Volatile.Read(ref _busy);

    private int _busy;

    public void Start() => _posting = PostAsync(new Random(seed));

    public bool PostingAgainSince(long since) => Acknowledged.Any(a => a.AckedAt > since);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _posting;
    }

    private async Task PostAsync(Random random)
    {
        for (var n = 1; !_stop.IsCancellationRequested; n++)
        {
            var text = $"Comment {n} (seed {seed}): the count goes on through the night.";
            var key = $"bench-{seed}-{n}";
            while (!_stop.IsCancellationRequested && !await TryPostAsync(silos.InService(random.Next(silos.Count)), text, key))
            {
                await PauseAsync(250);
            }

            await PauseAsync(random.Next(300, 700));
        }
    }

    private async Task<bool> TryPostAsync(int silo, string text, string key)
    {
        try
        {
            var hub = _connections[silo] ??= await ConnectAsync(silo);
            await hub.InvokeAsync<JsonElement>("PostComment", slug, new { text, key }, _stop.Token);
            Acknowledged.Enqueue((text, Stopwatch.GetTimestamp()));
            return true;
        }
        catch (HubException e) when (e.Message.Contains(BusyAnswer, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _busy);
            return false;
        }
        catch (HubException e)
        {
            Errors.Enqueue(e.Message);
            return true;
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // The connection failed (its silo went away): the next try makes a new one.
            if (_connections[silo] is { } dropped)
            {
                _connections[silo] = null;
                await dropped.DisposeAsync();
            }

            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private async Task<HubConnection> ConnectAsync(int silo)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(silos[silo].BaseAddress, "hubs/reader"), o =>
            {
                o.Cookies = staff;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        try
        {
            await hub.StartAsync(_stop.Token);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    private async Task PauseAsync(int milliseconds)
    {
        try
        {
            await Task.Delay(milliseconds, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var hub in _connections)
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }
}
