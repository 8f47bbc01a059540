using Newsroom.Core.Notifications;
using Orleans.Concurrency;

namespace Newsroom.Grains.Notifications.Topics;

/// <summary>
/// What people follow (key: a <see cref="TopicKey"/>, any kind but <c>my-replies</c>): its subscribers' inbox keys,
/// a stored row each, and the fan-out of what is published on it to their inboxes. Inboxes keep it in step
/// (<c>IInboxGrain.Follow</c>/<c>Unfollow</c>); producers only publish.
/// </summary>
[Alias("newsroom.topic")]
public interface ITopicGrain : IGrainWithStringKey
{
    /// <summary>Adds an inbox (<see cref="InboxKey"/>) to the subscribers, stored before it returns; a repeat changes nothing.</summary>
    [Alias("subscribe")]
    Task Subscribe(string inboxKey);

    /// <summary>Removes an inbox from the subscribers, stored before it returns; one not there changes nothing.</summary>
    [Alias("unsubscribe")]
    Task Unsubscribe(string inboxKey);

    [Alias("count")]
    Task<int> Count();

    /// <summary>
    /// One-way: returns at once, and the topic delivers the notification to every subscriber's inbox afterwards, in
    /// batches with bounded parallelism, retrying an inbox that fails. The actor's own inbox is left out. Producers
    /// never wait for the fan-out.
    /// </summary>
    [OneWay, Alias("publish")]
    Task Publish(Notification notification);
}
