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
/// random, as readers behind a proxy arrive at every silo, and another person voting each acknowledged comment up. A comment that is
/// not answered (its silo died, the thread was busy) is sent again with the same key, as the comment form does, until
/// it is acknowledged; the key makes a resend of a comment that did land the same comment, not a second one. A vote is
/// sent again the same way (voting up twice is one vote up).
/// </summary>
internal sealed class FailoverCommenter(ClusterSilos silos, CookieContainer staff, CookieContainer voter, string slug, int seed) : IAsyncDisposable
{
    private const string BusyAnswer = "did not answer in time";

    private readonly HubConnection?[] _connections = new HubConnection?[silos.Count];
    private readonly HubConnection?[] _voterConnections = new HubConnection?[silos.Count];
    private readonly CancellationTokenSource _stop = new();
    private Task _posting = Task.CompletedTask;

    /// <summary>Each comment the thread acknowledged, with when.</summary>
    public ConcurrentQueue<(string Text, long AckedAt)> Acknowledged { get; } = new();

    /// <summary>The comments whose up vote was acknowledged.</summary>
    public ConcurrentQueue<string> VotesAcknowledged { get; } = new();

    /// <summary>Refusals other than "busy" (what a reader would see as an error); that post or vote is given up.</summary>
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
            long? id = null;
            await UntilAnsweredAsync(random, _connections, staff, async hub =>
            {
                var posted = await hub.InvokeAsync<JsonElement>("PostComment", slug, new { text, key }, _stop.Token);
                id = posted.GetProperty("comment").GetProperty("id").GetInt64();
                Acknowledged.Enqueue((text, Stopwatch.GetTimestamp()));
            });
            if (id is { } commentId)
            {
                await UntilAnsweredAsync(random, _voterConnections, voter, async hub =>
                {
                    await hub.InvokeAsync<JsonElement>("VoteComment", slug, commentId, "up", _stop.Token);
                    VotesAcknowledged.Enqueue(text);
                });
            }

            await PauseAsync(random.Next(300, 700));
        }
    }

    private async Task UntilAnsweredAsync(Random random, HubConnection?[] connections, CookieContainer cookies, Func<HubConnection, Task> call)
    {
        while (!_stop.IsCancellationRequested && !await TryCallAsync(connections, cookies, silos.InService(random.Next(silos.Count)), call))
        {
            await PauseAsync(250);
        }
    }

    private async Task<bool> TryCallAsync(HubConnection?[] connections, CookieContainer cookies, int silo, Func<HubConnection, Task> call)
    {
        try
        {
            var hub = connections[silo] ??= await ConnectAsync(silo, cookies);
            await call(hub);
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
            if (connections[silo] is { } dropped)
            {
                connections[silo] = null;
                await dropped.DisposeAsync();
            }

            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private async Task<HubConnection> ConnectAsync(int silo, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(silos[silo].BaseAddress, "hubs/reader"), o =>
            {
                o.Cookies = cookies;
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
        foreach (var hub in _connections.Concat(_voterConnections))
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }
        }
    }
}
