using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Newsroom.Server.Configuration;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Configuration;

/// <summary>
/// Every client of the notifications' account shares one pool of at most <see cref="StorageConnection.NotificationConnections"/>
/// connections: requests beyond it wait for a connection to come free instead of opening one each. Shown against a
/// stand-in for storage that holds every request until the test answers one.
/// </summary>
public sealed class NotificationConnectionsTests
{
    private const int Requests = StorageConnection.NotificationConnections * 2;

    [Fact]
    public async Task ManyRequestsAtOnce_OpenAtMostTheBound_AndTheRestWaitForAConnectionToComeFree()
    {
        using var storage = new HeldStorage();
        var connection = StorageConnection.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:AzureStorage"] = "UseDevelopmentStorage=true",
                ["ConnectionStrings:NotificationStorage"] = storage.ConnectionString,
            })
            .Build());

        // Two clients, as the inbox and the mailbox each make their own: one pool between them.
        var inboxes = connection.CreateNotificationTableClient().GetTableClient("inboxes");
        var mailboxes = connection.CreateNotificationTableClient().GetTableClient("mailboxes");
        var reads = Enumerable.Range(0, Requests)
            .Select(i => (i % 2 == 0 ? inboxes : mailboxes).GetEntityIfExistsAsync<TableEntity>("p", $"r{i}"))
            .ToList();

        await Eventually.Until(() => Task.FromResult(storage.Connections), n => n >= StorageConnection.NotificationConnections, TimeSpan.FromSeconds(30), "the pool to fill");

        // A request waiting for a connection takes the first one answered: no new connection is opened for it.
        storage.AnswerFirst();
        await Eventually.Until(() => Task.FromResult(storage.RequestsOnFirst), n => n >= 2, TimeSpan.FromSeconds(30), "a waiting request on the freed connection");
        Assert.Equal(StorageConnection.NotificationConnections, storage.Connections);
        Assert.Contains(reads, r => !r.IsCompleted);
    }

    /// <summary>Accepts connections and reads requests, answering none until told to answer the first connection's.</summary>
    private sealed class HeldStorage : IDisposable
    {
        private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly List<TcpClient> _accepted = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requestsOnFirst;

        public HeldStorage()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public string ConnectionString =>
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

        public int Connections
        {
            get
            {
                lock (_accepted)
                {
                    return _accepted.Count;
                }
            }
        }

        public int RequestsOnFirst => Volatile.Read(ref _requestsOnFirst);

        public void AnswerFirst() => _answer.TrySetResult();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            lock (_accepted)
            {
                _accepted.ForEach(c => c.Dispose());
            }
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    bool first;
                    lock (_accepted)
                    {
                        _accepted.Add(client);
                        first = _accepted.Count == 1;
                    }

                    if (first)
                    {
                        _ = ServeFirstAsync(client);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Stopped.
            }
        }

        // The first connection: each request read is counted; the first is answered (404, kept alive) once told to.
        private async Task ServeFirstAsync(TcpClient client)
        {
            var stream = client.GetStream();
            var buffer = new byte[16 * 1024];
            var seen = new StringBuilder();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    while (seen.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) is var end and >= 0)
                    {
                        seen.Remove(0, end + 4);
                        if (Interlocked.Increment(ref _requestsOnFirst) == 1)
                        {
                            await _answer.Task.WaitAsync(_stop.Token);
                            var body = """{"odata.error":{"code":"ResourceNotFound","message":{"lang":"en-US","value":"Not found."}}}""";
                            var response = $"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n{body}";
                            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
                        }
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}
