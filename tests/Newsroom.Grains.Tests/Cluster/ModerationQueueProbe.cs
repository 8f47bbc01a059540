using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Comments.Storage;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// Sits between the moderation queue grain and its table rows: a test can make the queue's next save fail, as a
/// storage outage would, so the thread's call to the queue fails after the thread's own write succeeded.
/// </summary>
public sealed class ModerationQueueProbe
{
    private Exception? _failNext;

    /// <summary>The queue's next save fails with <paramref name="error"/> and stores nothing.</summary>
    public void FailNextSave(Exception error) => _failNext = error;

    internal void WrapRegisteredStore(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(IModerationQueueStore));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("AddNewsroomComments registers the moderation queue store through a factory method.");
        services.Remove(registered);
        services.AddSingleton<IModerationQueueStore>(provider => new Store((IModerationQueueStore)create(provider), this));
    }

    private sealed class Store(IModerationQueueStore inner, ModerationQueueProbe probe) : IModerationQueueStore
    {
        public Task<IReadOnlyList<ModerationEntry>> LoadAsync(string queue, CancellationToken cancellationToken = default) =>
            inner.LoadAsync(queue, cancellationToken);

        public Task SaveAsync(string queue, ModerationEntry entry, CancellationToken cancellationToken = default) =>
            Interlocked.Exchange(ref probe._failNext, null) is { } error ? Task.FromException(error) : inner.SaveAsync(queue, entry, cancellationToken);

        public Task DeleteAsync(string queue, string slug, long commentId, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(queue, slug, commentId, cancellationToken);
    }
}
