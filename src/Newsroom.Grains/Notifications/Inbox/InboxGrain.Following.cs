using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Topics;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// What the owner follows (<see cref="TopicKey"/>s), kept apart from the notifications and loaded at the first call
/// that needs it. The inbox is the person's list; each topic grain's subscriber list follows it: a follow is stored
/// here before the topic hears of it, and an unfollow reaches the topic before the row here goes, so whatever fails
/// halfway leaves this list saying what the person asked for last, and repeating the call puts the topic in step.
/// </summary>
public sealed partial class InboxGrain
{
    private readonly SortedSet<string> _follows = new(StringComparer.Ordinal);
    private bool _followsLoaded;

    private bool IsGuest => Key.StartsWith(InboxKey.GuestPrefix, StringComparison.Ordinal);

    public async Task Follow(string topic)
    {
        var kind = CheckTopic(topic);
        await EnsureFollowsLoaded();
        if (!_follows.Contains(topic))
        {
            if (_follows.Count >= TopicKey.MaxFollowsPerInbox)
            {
                throw new InboxException($"You follow {TopicKey.MaxFollowsPerInbox} topics, the most one person may; unfollow one first.");
            }

            await _followStore.AddFollowAsync(Key, topic);
            _follows.Add(topic);
        }

        if (TopicKey.HasSubscribers(kind))
        {
            await GrainFactory.GetGrain<ITopicGrain>(topic).Subscribe(Key);
        }
    }

    public async Task Unfollow(string topic)
    {
        var kind = CheckTopic(topic);
        await EnsureFollowsLoaded();
        if (TopicKey.HasSubscribers(kind))
        {
            await GrainFactory.GetGrain<ITopicGrain>(topic).Unsubscribe(Key);
        }

        if (_follows.Contains(topic))
        {
            await _followStore.RemoveFollowAsync(Key, topic);
            _follows.Remove(topic);
        }
    }

    public async Task<IReadOnlyList<string>> Following()
    {
        await EnsureFollowsLoaded();
        return [.. _follows];
    }

    public async Task FollowAsCommenter(string topic)
    {
        CheckTopic(topic);
        await EnsureFollowsLoaded();
        // A guest who never followed anything never confirmed an email either: nothing may be sent to them.
        if (IsGuest && _follows.Count == 0)
        {
            return;
        }

        await Follow(topic);
    }

    /// <summary>A guest hears of replies to their comments only once they asked to (<see cref="TopicKey.MyReplies"/>).</summary>
    private async Task<IReadOnlyList<Notification>> Wanted(IReadOnlyList<Notification> notifications)
    {
        if (!IsGuest || !notifications.Any(n => n?.Kind == NotificationKind.ReplyToMyComment))
        {
            return notifications;
        }

        await EnsureFollowsLoaded();
        return _follows.Contains(TopicKey.MyReplies) ? notifications : [.. notifications.Where(n => n?.Kind != NotificationKind.ReplyToMyComment)];
    }

    private static TopicKind CheckTopic(string topic) =>
        TopicKey.TryKind(topic, out var kind) ? kind : throw new InboxException(TopicKey.Check(topic)!);

    private async Task EnsureFollowsLoaded()
    {
        if (_followsLoaded)
        {
            return;
        }

        var stored = await _followStore.LoadFollowsAsync(Key);
        _follows.Clear();
        _follows.UnionWith(stored);
        _followsLoaded = true;
    }
}
