using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// A minimal SMTP server on loopback that takes every email and can misbehave the way a loaded one does: it counts
/// how many connections are open at once, can hold each email's answer back for a while, and can leave QUIT
/// unanswered. For what maildev cannot be made to do.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly Lock _lock = new();
    private int _open;

    public ScriptedSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How long the server takes before each answer after its greeting.</summary>
    public TimeSpan ReplyDelay { get; init; }

    /// <summary>Takes QUIT and never answers it.</summary>
    public bool SilentQuit { get; init; }

    public int MostOpenAtOnce { get; private set; }

    public int Taken => _taken;

    private int _taken;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private void Closed(ref bool counted)
    {
        lock (_lock)
        {
            _open -= counted ? 1 : 0;
            counted = false;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var counted = true;
        lock (_lock)
        {
            _open++;
            MostOpenAtOnce = Math.Max(MostOpenAtOnce, _open);
        }

        try
        {
            using var _ = client;
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 scripted ESMTP");
            var inData = false;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        await Task.Delay(ReplyDelay, _stop.Token);
                        Interlocked.Increment(ref _taken);
                        await writer.WriteLineAsync("250 taken");
                    }

                    continue;
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                await Task.Delay(ReplyDelay, _stop.Token);
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-scripted\r\n250 8BITMIME");
                        break;
                    case "DATA":
                        inData = true;
                        await writer.WriteLineAsync("354 go ahead");
                        break;
                    case "QUIT" when SilentQuit:
                        await Task.Delay(Timeout.InfiniteTimeSpan, _stop.Token);
                        break;
                    case "QUIT":
                        // Closed before it says so: the client may open its next connection as soon as it reads this.
                        Closed(ref counted);
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the test is over.
        }
        finally
        {
            Closed(ref counted);
        }
    }
}
