using Newsroom.Core.Notifications;
using Newsroom.Grains.Realtime;
using Orleans.Concurrency;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// One person's inbox, keyed by <see cref="InboxKey"/> (<c>staff:{userName}</c>, later <c>guest:{emailHash}</c>), live
/// on <c>user:{userName}</c>. Everything is stored before it is answered or published.
/// </summary>
[Alias("newsroom.inbox")]
public partial interface IInboxGrain : IChannelOwner
{
    /// <summary>
    /// Adds the notifications not already there (by event id) and not caused by the inbox's owner; up to
    /// <see cref="NotificationLimits.MaxBatch"/> at once.
    /// </summary>
    [Alias("deliver")]
    Task<InboxDelivered> Deliver(IReadOnlyList<Notification> notifications);

    /// <summary>
    /// <see cref="Deliver"/> for producers that must not wait: one-way, so a draft's assignment is neither slowed
    /// nor failed by the inbox. A failure is logged by the inbox.
    /// </summary>
    [OneWay, Alias("deliver-one-way")]
    Task Send(Notification notification);

    /// <summary>Up to <paramref name="size"/> (1–50) notifications, newest first, after <paramref name="cursor"/> (null: from the newest).</summary>
    [Alias("page")]
    Task<InboxPage> Page(string? cursor, int size);

    [Alias("unread")]
    Task<int> Unread();

    /// <summary>Marks one notification read; one already read, or no longer kept, changes nothing.</summary>
    [Alias("mark-read")]
    Task<int> MarkRead(string id);

    [Alias("mark-all-read")]
    Task<int> MarkAllRead();

    /// <summary>
    /// Follows a topic (<see cref="TopicKey"/>): stored in the inbox first (the person's own list is the truth), then
    /// the topic's subscriber list. A repeat makes sure of the topic again, so retrying a failed call mends it. At
    /// most <see cref="TopicKey.MaxFollowsPerInbox"/> topics.
    /// </summary>
    [Alias("follow")]
    Task Follow(string topic);

    /// <summary>Stops following: the topic's subscriber list first, then the inbox's own row; a repeat is harmless.</summary>
    [Alias("unfollow")]
    Task Unfollow(string topic);

    /// <summary>The topics this inbox follows, in key order.</summary>
    [Alias("following")]
    Task<IReadOnlyList<string>> Following();

    /// <summary>
    /// Follows a topic because the owner commented (a commenter hears of updates to the story): for staff always, for
    /// a guest only once they followed something themselves (their email is confirmed); otherwise nothing happens.
    /// </summary>
    [Alias("follow-as-commenter")]
    Task FollowAsCommenter(string topic);
}
