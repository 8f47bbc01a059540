using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// Many readers on the reader hub, each a WebSocket that negotiated, shook hands in SignalR's JSON protocol and joined a
/// channel, as the article page's script does; it hands every message it receives, with its arrival time, to
/// <c>heard</c> as raw bytes. Cheaper than a SignalR client per reader (which parses every event into a document before
/// a handler sees it): with thousands of readers in one process on the server's cores, that parsing, not the server,
/// was what a fan-out measured. Each reader's negotiation goes over a connection closed after it (a page's idle
/// keep-alive connection goes once the server's keep-alive timeout passes), so the server holds what a reader holds
/// while it listens: one WebSocket.
/// </summary>
internal sealed class ReaderCrowd : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static ReadOnlySpan<byte> EnvelopeStart => "{\"channel\":"u8;

    private static readonly byte[] _ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");

    private readonly ClientWebSocket[] _sockets;

    // A WebSocket takes one send at a time: a listener's own calls and the pings queue here.
    private readonly SemaphoreSlim[] _sending;
    private readonly System.Collections.Concurrent.ConcurrentBag<Task> _listening = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pinging;
    private long _messages;

    private ReaderCrowd(int readers)
    {
        _sockets = new ClientWebSocket[readers];
        _sending = [.. Enumerable.Range(0, readers).Select(_ => new SemaphoreSlim(1, 1))];
        _pinging = PingAsync();
    }

    public int Count => _sockets.Length;

    /// <summary>WebSocket messages (frames, as the server sends them) received by every listener so far.</summary>
    public long MessagesReceived => Interlocked.Read(ref _messages);

    /// <summary>Whether listener <paramref name="seat"/>'s connection is still open.</summary>
    public bool IsOpen(int seat) => _sockets[seat]?.State == WebSocketState.Open;

    /// <summary>Sends one message (text, record separator included) on listener <paramref name="seat"/>'s connection.</summary>
    public async Task SendAsync(int seat, ReadOnlyMemory<byte> message)
    {
        await _sending[seat].WaitAsync(_stop.Token);
        try
        {
            await _sockets[seat].SendAsync(message, WebSocketMessageType.Text, true, _stop.Token);
        }
        finally
        {
            _sending[seat].Release();
        }
    }

    /// <summary>Connects <paramref name="readers"/> readers, <paramref name="parallel"/> at a time, each joined to <paramref name="channel"/>.</summary>
    public static Task<ReaderCrowd> JoinAsync(
        NewsroomServer server, int readers, string channel, Action<int, ReadOnlyMemory<byte>, long> heard, int parallel = 64) =>
        JoinAsync([server], "hubs/reader", [.. Enumerable.Repeat(new CrowdSeat(null, channel), readers)], heard, parallel);

    public static Task<ReaderCrowd> JoinAsync(
        NewsroomServer server, string hub, IReadOnlyList<CrowdSeat> seats, Action<int, ReadOnlyMemory<byte>, long> heard, int parallel = 64) =>
        JoinAsync([server], hub, seats, heard, parallel);

    /// <summary>
    /// Connects one listener per seat to <paramref name="hub"/> (for example signed-in staff, each with their cookies, on
    /// their own <c>user:</c> channel of the staff hub), <paramref name="parallel"/> at a time. Seat r goes to silo
    /// r mod the count of <paramref name="silos"/>, so a cluster's listeners are spread over its silos evenly.
    /// </summary>
    public static async Task<ReaderCrowd> JoinAsync(
        IReadOnlyList<NewsroomServer> silos, string hub, IReadOnlyList<CrowdSeat> seats, Action<int, ReadOnlyMemory<byte>, long> heard, int parallel = 64)
    {
        var crowd = new ReaderCrowd(seats.Count);
        var anonymous = silos.Select(s => new HttpClient { BaseAddress = s.BaseAddress }).ToArray();
        using var opening = new SemaphoreSlim(parallel);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, seats.Count).Select(async r =>
            {
                await opening.WaitAsync();
                try
                {
                    var silo = r % silos.Count;
                    crowd._sockets[r] = await crowd.JoinOneAsync(anonymous[silo], silos[silo], hub, r, seats[r], heard);
                }
                finally
                {
                    opening.Release();
                }
            }));
        }
        finally
        {
            foreach (var client in anonymous)
            {
                client.Dispose();
            }
        }

        return crowd;
    }

    private async Task<ClientWebSocket> JoinOneAsync(
        HttpClient anonymous, NewsroomServer server, string hub, int reader, CrowdSeat seat, Action<int, ReadOnlyMemory<byte>, long> heard)
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        negotiate.Headers.ConnectionClose = true;
        using var signedIn = seat.Cookies is null ? null : server.CreateClient(seat.Cookies);
        using var negotiated = await (signedIn ?? anonymous).SendAsync(negotiate);
        negotiated.EnsureSuccessStatusCode();
        var token = (await negotiated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        if (seat.Cookies is not null)
        {
            socket.Options.Cookies = seat.Cookies;
        }

        var url = new UriBuilder(new Uri(server.BaseAddress, hub)) { Scheme = "ws", Query = $"id={Uri.EscapeDataString(token!)}" }.Uri;
        await socket.ConnectAsync(url, CancellationToken.None);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}\u001e");
        await ReceiveUntilAsync(socket, "{}");
        var argument = JsonSerializer.Serialize(seat.Argument ?? seat.Channel);
        await SendAsync(socket, $"{{\"type\":1,\"invocationId\":\"join\",\"target\":\"{seat.Target}\",\"arguments\":[{argument}]}}\u001e");
        await ReceiveUntilAsync(socket, "\"invocationId\":\"join\"");
        _listening.Add(ListenAsync(socket, reader, heard));
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads until a message holding <paramref name="expected"/>; a refusal ("error") throws.</summary>
    private static async Task ReceiveUntilAsync(ClientWebSocket socket, string expected)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var text = new StringBuilder();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            var message = text.ToString();
            if (message.Contains("\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The reader hub refused: {message}");
            }

            if (message.Contains(expected, StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    private async Task ListenAsync(ClientWebSocket socket, int reader, Action<int, ReadOnlyMemory<byte>, long> heard)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan().CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), _stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var at = Stopwatch.GetTimestamp();
                Interlocked.Increment(ref _messages);
                var message = buffer.AsMemory(0, length);
                while (message.Span.IndexOf(RecordSeparator) is var end and >= 0)
                {
                    EachEnvelope(message[..end], envelope => heard(reader, envelope, at));
                    message = message[(end + 1)..];
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Stopped, or the server went away at the end of a run.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The server sends a channel's events in batches ("Events", an array of envelopes); each listener hears each
    // envelope (from its start to the next one's) on its own. Other messages (pings, completions) pass whole.
    private static void EachEnvelope(ReadOnlyMemory<byte> message, Action<ReadOnlyMemory<byte>> each)
    {
        if (message.Span.IndexOf("\"target\":\"Events\""u8) < 0)
        {
            each(message);
            return;
        }

        var start = message.Span.IndexOf(EnvelopeStart);
        while (start >= 0)
        {
            var rest = message[(start + EnvelopeStart.Length)..];
            var next = rest.Span.IndexOf(EnvelopeStart);
            each(message.Slice(start, next < 0 ? message.Length - start : EnvelopeStart.Length + next));
            start = next < 0 ? -1 : start + EnvelopeStart.Length + next;
        }
    }

    /// <summary>SignalR drops a client it has not heard from within 30 s; readers ping every 10 s, as the browser client does.</summary>
    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                for (var seat = 0; seat < _sockets.Length; seat++)
                {
                    try
                    {
                        if (IsOpen(seat))
                        {
                            await SendAsync(seat, _ping);
                        }
                    }
                    catch (WebSocketException)
                    {
                        // Closed meanwhile: its listener has seen it too.
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pinging;
        await Task.WhenAll(_listening);
        foreach (var socket in _sockets)
        {
            socket?.Dispose();
        }

        _stop.Dispose();
    }
}

/// <summary>
/// One listener of a <see cref="ReaderCrowd"/>: whose cookies it connects with (none: a guest) and the channel it joins,
/// by calling <paramref name="Target"/> with <paramref name="Argument"/> (by default <c>Join(channel)</c>; a draft's
/// editor calls <c>OpenDraft(id)</c>).
/// </summary>
internal sealed record CrowdSeat(System.Net.CookieContainer? Cookies, string Channel, string Target = "Join", string? Argument = null);
