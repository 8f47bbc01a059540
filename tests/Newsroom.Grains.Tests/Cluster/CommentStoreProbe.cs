using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Comments.Storage;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// Sits between the comment thread grains and their table store: a test can make a thread's next write fail, as a
/// storage outage would, to see that the grain keeps nothing that was not stored.
/// </summary>
public sealed class CommentStoreProbe
{
    private readonly ConcurrentDictionary<string, Exception> _failNext = new(StringComparer.Ordinal);

    /// <summary>The next write for this story fails with <paramref name="error"/> and stores nothing.</summary>
    public void FailNextWrite(string slug, Exception error) => _failNext[slug] = error;

    internal void WrapRegisteredStore(IServiceCollection services)
    {
        var registered = services.Last(s => s.ServiceType == typeof(ICommentStore));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("AddNewsroomComments registers the comment store through a factory method.");
        services.Remove(registered);
        services.AddSingleton<ICommentStore>(provider => new Store((ICommentStore)create(provider), this));
    }

    private sealed class Store(ICommentStore inner, CommentStoreProbe probe) : ICommentStore
    {
        public Task<StoredCommentThread> LoadAsync(string slug, CancellationToken cancellationToken = default) =>
            inner.LoadAsync(slug, cancellationToken);

        public Task WriteAsync(string slug, CommentWrite write, CancellationToken cancellationToken = default) =>
            probe._failNext.TryRemove(slug, out var error) ? Task.FromException(error) : inner.WriteAsync(slug, write, cancellationToken);
    }
}
