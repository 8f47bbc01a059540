using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// Sits between the inbox grains and their table rows: a test can make an inbox's next deliveries fail, as a storage
/// outage would, to see that whoever delivers tries again.
/// </summary>
public sealed class InboxStoreProbe
{
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _removals = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="count"/> deliveries to this inbox fail and store nothing.</summary>
    public void FailNextDeliveries(string inbox, int count) => _failures[inbox] = count;

    /// <summary>How many of the failures asked for are still to come.</summary>
    public int FailuresLeft(string inbox) => _failures.GetValueOrDefault(inbox);

    /// <summary>How many notifications each removal from this inbox's storage named, in order.</summary>
    public IReadOnlyList<int> Removals(string inbox) => [.. _removals.GetValueOrDefault(inbox) ?? []];

    internal void WrapRegisteredStore(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IInboxStore));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("AddNewsroomInbox registers the inbox store through a factory method.");
        services.Remove(registered);
        services.AddSingleton<IInboxStore>(provider => new Store((IInboxStore)create(provider), this));
    }

    private bool TakeFailure(string inbox)
    {
        while (_failures.TryGetValue(inbox, out var left) && left > 0)
        {
            if (_failures.TryUpdate(inbox, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Store(IInboxStore inner, InboxStoreProbe probe) : IInboxStore
    {
        public Task<StoredInbox> LoadAsync(string inbox, CancellationToken cancellationToken = default) => inner.LoadAsync(inbox, cancellationToken);

        public Task AddAsync(string inbox, IReadOnlyList<InboxEntry> entries, long version, bool first, CancellationToken cancellationToken = default) =>
            probe.TakeFailure(inbox)
                ? Task.FromException(new IOException($"The probe failed this delivery to {inbox}."))
                : inner.AddAsync(inbox, entries, version, first, cancellationToken);

        public Task MarkReadAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default) =>
            inner.MarkReadAsync(inbox, ids, version, cancellationToken);

        public async Task RemoveAsync(string inbox, IReadOnlyList<string> ids, long version, CancellationToken cancellationToken = default)
        {
            await inner.RemoveAsync(inbox, ids, version, cancellationToken);
            probe._removals.GetOrAdd(inbox, _ => new()).Enqueue(ids.Count);
        }
    }
}
