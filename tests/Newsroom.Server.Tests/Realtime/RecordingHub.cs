using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Realtime;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// A hub context that records what the relay sends to which group, in order. With <see cref="HoldFirstSend"/> the
/// relay's first send waits (on the relay's own thread) until <see cref="ReleaseFirstSend"/>, so a test can deliver
/// events while a flush is under way and see them go out together after it.
/// </summary>
internal sealed class RecordingHub<THub> : IHubContext<THub, INewsroomClient>
    where THub : Hub<INewsroomClient>
{
    private readonly RecordingClients _clients = new();

    public IHubClients<INewsroomClient> Clients => _clients;

    IGroupManager IHubContext<THub, INewsroomClient>.Groups => throw new NotSupportedException();

    /// <summary>The groups sent to, one entry per message, in order.</summary>
    public List<string> Groups => [.. Sent.Select(s => s.Group)];

    /// <summary>Every message: its group and the versions of the envelopes it carried, in order.</summary>
    public List<(string Group, long[] Versions)> Sent
    {
        get
        {
            lock (_clients.Sent)
            {
                return [.. _clients.Sent];
            }
        }
    }

    public bool HoldFirstSend
    {
        set => _clients.Hold = value ? new ManualResetEventSlim() : null;
    }

    /// <summary>Completes once the relay is inside its first send, held there.</summary>
    public Task FirstSendHeld => _clients.Entered.Task;

    public void ReleaseFirstSend() => _clients.Hold?.Set();

    public Task WaitForSends(int count) =>
        Eventually.Until(() => Task.FromResult(Sent.Count), n => n >= count, TimeSpan.FromSeconds(10), $"{count} sends");

    /// <summary>Waits until <paramref name="group"/> has been sent <paramref name="count"/> envelopes in all.</summary>
    public Task WaitForVersions(string group, int count) =>
        Eventually.Until(
            () => Task.FromResult(Sent.Where(s => s.Group == group).Sum(s => s.Versions.Length)),
            n => n >= count,
            TimeSpan.FromSeconds(10),
            $"{count} events to {group}");

    private sealed class RecordingClients : IHubClients<INewsroomClient>
    {
        public List<(string Group, long[] Versions)> Sent { get; } = [];

        public ManualResetEventSlim? Hold { get; set; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public INewsroomClient All => throw new NotSupportedException();

        public INewsroomClient Group(string groupName) => new ToGroup(this, groupName);

        public INewsroomClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public INewsroomClient Client(string connectionId) => throw new NotSupportedException();

        public INewsroomClient Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public INewsroomClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public INewsroomClient Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public INewsroomClient User(string userId) => throw new NotSupportedException();

        public INewsroomClient Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        private sealed class ToGroup(RecordingClients clients, string group) : INewsroomClient
        {
            public Task Events(IReadOnlyList<ChannelEnvelope> envelopes)
            {
                lock (clients.Sent)
                {
                    clients.Sent.Add((group, [.. envelopes.Select(e => e.Version)]));
                }

                if (clients.Hold is { } hold && clients.Entered.TrySetResult())
                {
                    hold.Wait(TimeSpan.FromSeconds(30));
                }

                return Task.CompletedTask;
            }
        }
    }
}
