using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>One event a grain published: its channel, the channel version it carried, and the event itself.</summary>
public sealed record Heard(string Channel, long Version, object Event);

/// <summary>
/// Stands where a silo's SignalR relay stands: a grain observer, made with <c>CreateObjectReference</c> on the
/// cluster client and subscribed to the grain that owns one channel. It records what the grain published, in
/// the order it arrived. The only place the grain tests touch the realtime types (with the silo's options in
/// <see cref="NewsroomSilo"/>), so a change to how channels are subscribed is adapted here.
/// </summary>
public sealed class RecordingRelay : IChannelRelay, IAsyncDisposable
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly List<Heard> _heard = [];
    private readonly IClusterClient _client;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IChannelRelay? _reference;
    private IChannelOwner? _source;

    private RecordingRelay(IClusterClient client) => _client = client;

    /// <summary>Everything heard so far, in arrival order.</summary>
    public IReadOnlyList<Heard> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _heard];
            }
        }
    }

    public static async Task<RecordingRelay> ListenAsync(IClusterClient client, ChannelName channel)
    {
        var relay = new RecordingRelay(client);
        relay._source = NewsroomSilo.ChannelOwners.Resolve(client, channel) ?? throw new ArgumentException($"No grain owns {channel}.", nameof(channel));
        relay._reference = client.CreateObjectReference<IChannelRelay>(relay);
        await relay._source.Subscribe(relay._reference);
        return relay;
    }

    /// <summary>The events of type <typeparamref name="T"/> heard so far, with the versions they came with.</summary>
    public IReadOnlyList<(long Version, T Event)> Events<T>() =>
        [.. All.Where(h => h.Event is T).Select(h => (h.Version, (T)h.Event))];

    /// <summary>Waits until an event of type <typeparamref name="T"/> that <paramref name="match"/> accepts has been heard.</summary>
    public async Task<T> WaitFor<T>(Func<T, bool>? match = null, string? what = null)
    {
        var found = await WaitUntil(heard => heard.Any(h => h.Event is T e && (match?.Invoke(e) ?? true)), what ?? typeof(T).Name);
        return found.Select(h => h.Event).OfType<T>().First(e => match?.Invoke(e) ?? true);
    }

    /// <summary>Waits until what has been heard satisfies <paramref name="done"/>; returns it.</summary>
    public async Task<IReadOnlyList<Heard>> WaitUntil(Func<IReadOnlyList<Heard>, bool> done, string what)
    {
        var deadline = Task.Delay(_wait);
        while (true)
        {
            Task arrived;
            IReadOnlyList<Heard> heard;
            lock (_lock)
            {
                arrived = _arrived.Task;
                heard = [.. _heard];
            }

            if (done(heard))
            {
                return heard;
            }

            if (await Task.WhenAny(arrived, deadline) == deadline)
            {
                throw new TimeoutException(
                    $"Waited {_wait.TotalSeconds:0} s for {what}; heard {heard.Count}: {string.Join(", ", heard.Select(h => $"v{h.Version} {h.Event}"))}");
            }
        }
    }

    public Task Deliver(ChannelEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        TaskCompletionSource arrived;
        lock (_lock)
        {
            _heard.Add(new Heard(envelope.Channel, envelope.Version, envelope.Event));
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null && _reference is not null)
        {
            await _source.Unsubscribe(_reference);
            _client.DeleteObjectReference<IChannelRelay>(_reference);
        }
    }
}
