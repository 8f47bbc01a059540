namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// The topics an inbox follows, one row each in the inbox's own partition, apart from its notifications: they are
/// never counted in, nor trimmed with, the notifications an inbox keeps.
/// </summary>
public interface IInboxFollowStore
{
    Task<IReadOnlyList<string>> LoadFollowsAsync(string inbox, CancellationToken cancellationToken = default);

    /// <summary>Adds the topic; one already followed stays as it is.</summary>
    Task AddFollowAsync(string inbox, string topic, CancellationToken cancellationToken = default);

    /// <summary>Removes the topic; one not followed is no error.</summary>
    Task RemoveFollowAsync(string inbox, string topic, CancellationToken cancellationToken = default);
}
