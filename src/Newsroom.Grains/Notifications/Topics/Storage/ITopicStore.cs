namespace Newsroom.Grains.Notifications.Topics;

/// <summary>A topic's subscribers, one stored row each, so subscribing or leaving writes one row, never the whole list.</summary>
public interface ITopicStore
{
    Task<IReadOnlyList<string>> LoadAsync(string topic, CancellationToken cancellationToken = default);

    /// <summary>Adds the subscriber; one already there stays as it is.</summary>
    Task AddAsync(string topic, string inboxKey, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>Removes the subscriber; one not there is no error.</summary>
    Task RemoveAsync(string topic, string inboxKey, CancellationToken cancellationToken = default);
}
