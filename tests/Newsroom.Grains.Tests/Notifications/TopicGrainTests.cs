using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Notifications.Topics;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// Topics and the inboxes that follow them: the inbox's list and the topic's subscribers stay in step (also after
/// both are deactivated), and what is published reaches every subscriber once, never the person who caused it.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class TopicGrainTests(GrainCluster cluster)
{
    private static readonly DateTimeOffset _noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FollowAndUnfollow_KeepTheTopicsSubscribersInStep_AndSurviveReactivation()
    {
        var (key, inbox) = NewInbox();
        var followUps = TopicKey.FollowUps(NewSlug());
        var tag = TopicKey.Tag("Night buses " + Guid.NewGuid().ToString("n")[..6]);

        await inbox.Follow(followUps);
        await inbox.Follow(tag);
        await inbox.Follow(tag);
        await inbox.Follow(TopicKey.MyReplies);
        await cluster.Deactivate(inbox);
        await cluster.Deactivate(Topic(tag));

        Assert.Equal([followUps, TopicKey.MyReplies, tag], await inbox.Following());
        Assert.Equal(1, await Topic(followUps).Count());
        Assert.Equal(1, await Topic(tag).Count());

        await inbox.Unfollow(tag);
        await inbox.Unfollow(tag);
        await cluster.Deactivate(inbox);
        await cluster.Deactivate(Topic(tag));

        Assert.Equal([followUps, TopicKey.MyReplies], await inbox.Following());
        Assert.Equal(0, await Topic(tag).Count());
        Assert.Equal(1, await Topic(followUps).Count());
        Assert.DoesNotContain(key, await inbox.Following());
    }

    [Fact]
    public async Task Publish_ReachesEverySubscribersInboxOnce_AndNotTheActors()
    {
        var topic = TopicKey.Section("Section " + Guid.NewGuid().ToString("n")[..8]);
        var inboxes = Enumerable.Range(0, 300).Select(_ => NewInbox()).ToList();
        foreach (var batch in inboxes.Chunk(20))
        {
            await Task.WhenAll(batch.Select(i => i.Inbox.Follow(topic)));
        }

        var actor = inboxes[7].Key;

        // The same event twice is one notification; the second event, published last, marks the end of the fan-out.
        await Topic(topic).Publish(Note("new-story:first", actor));
        await Topic(topic).Publish(Note("new-story:first", actor));
        await Topic(topic).Publish(Note("new-story:second", actor, at: _noon.AddMinutes(1)));

        Assert.Equal(300, await Topic(topic).Count());
        foreach (var (key, inbox) in inboxes.Where(i => i.Key != actor))
        {
            var page = await Eventually.Until(() => inbox.Page(null, 10), p => p.Entries.Count >= 2, _wait, $"both notifications in {key}");
            Assert.Equal(["new-story:second", "new-story:first"], page.Entries.Select(e => e.Notification.EventId));
        }

        Assert.Empty((await inboxes[7].Inbox.Page(null, 10)).Entries);
    }

    [Fact]
    public async Task InboxThatFails_IsTriedAgainWithBackoff_WhileTheOthersAreServedAtOnce()
    {
        var topic = TopicKey.Tag("retry-" + Guid.NewGuid().ToString("n")[..8]);
        var (failingKey, failing) = NewInbox();
        var (_, healthy) = NewInbox();
        await failing.Follow(topic);
        await healthy.Follow(topic);
        cluster.Inboxes.FailNextDeliveries(failingKey, 2);

        await Topic(topic).Publish(Note("new-story:retried", "staff:rosa"));

        await Eventually.Until(() => healthy.Page(null, 10), p => p.Entries.Count == 1, _wait, "the healthy inbox's notification");
        await Eventually.Until(() => Task.FromResult(cluster.Inboxes.FailuresLeft(failingKey)), left => left == 1, _wait, "the first failed delivery");
        Assert.Empty((await failing.Page(null, 10)).Entries);
        // Retries wait on the grains' clock: time moves on until the third try lands.
        var page = await Eventually.Until(
            async () =>
            {
                cluster.Clock.Advance(TimeSpan.FromSeconds(1));
                return await failing.Page(null, 10);
            },
            p => p.Entries.Count == 1,
            _wait,
            "the retried delivery");
        Assert.Equal("new-story:retried", page.Entries[0].Notification.EventId);
        Assert.Equal(0, cluster.Inboxes.FailuresLeft(failingKey));
    }

    [Fact]
    public async Task FollowingAMalformedTopic_IsRefusedWithTheReason_AndStoresNothing()
    {
        var (_, inbox) = NewInbox();

        var refused = await Assert.ThrowsAsync<InboxException>(() => inbox.Follow("story:a/b"));
        var unknown = await Assert.ThrowsAsync<InboxException>(() => inbox.Unfollow("weather:today"));

        Assert.Equal("'story:a/b' is not a well-formed story topic: the slug is 1 to 128 letters, digits, '-', '_' or '.'.", refused.Message);
        Assert.StartsWith("'weather:today' is not a topic;", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(await inbox.Following());
    }

    [Fact]
    public async Task TopicGrain_RefusesAMalformedInboxKey_AndMyRepliesHasNoSubscribers()
    {
        var topic = Topic(TopicKey.Story(NewSlug()));

        var badInbox = await Assert.ThrowsAsync<TopicException>(() => topic.Subscribe("someone"));
        var myReplies = await Assert.ThrowsAsync<TopicException>(() => Topic(TopicKey.MyReplies).Count());

        Assert.Equal("'someone' is not an inbox key (staff:{userName} or guest:{emailHash}).", badInbox.Message);
        Assert.Equal("'my-replies' is kept by each inbox; it has no subscribers of its own.", myReplies.Message);
        Assert.Equal(0, await topic.Count());
    }

    [Fact]
    public async Task GuestCommenter_FollowsOnlyOnceTheyFollowedSomething_AndHearsOfRepliesOnlyWithMyReplies()
    {
        var guest = cluster.Client.GetGrain<IInboxGrain>(InboxKey.Guest(Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + new string('0', 32)));
        var story = TopicKey.Story(NewSlug());

        await guest.FollowAsCommenter(story);
        var delivered = await guest.Deliver([Note("reply:1", "staff:rosa", NotificationKind.ReplyToMyComment)]);
        Assert.Empty(await guest.Following());
        Assert.Empty(delivered.Added);
        Assert.Equal(0, await Topic(story).Count());

        await guest.Follow(TopicKey.MyReplies);
        await guest.FollowAsCommenter(story);
        var afterConfirming = await guest.Deliver([Note("reply:2", "staff:rosa", NotificationKind.ReplyToMyComment)]);

        Assert.Equal([TopicKey.MyReplies, story], await guest.Following());
        Assert.Equal(1, await Topic(story).Count());
        Assert.Equal(["reply:2"], afterConfirming.Added.Select(e => e.Notification.EventId));
    }

    [Fact]
    public async Task StaffCommenter_AlwaysFollows()
    {
        var (_, inbox) = NewInbox();
        var story = TopicKey.Story(NewSlug());

        await inbox.FollowAsCommenter(story);

        Assert.Equal([story], await inbox.Following());
        Assert.Equal(1, await Topic(story).Count());
    }

    private static string NewSlug() => "story-" + Guid.NewGuid().ToString("n")[..12];

    private ITopicGrain Topic(string key) => cluster.Client.GetGrain<ITopicGrain>(key);

    private (string Key, IInboxGrain Inbox) NewInbox()
    {
        var key = InboxKey.Staff("u" + Guid.NewGuid().ToString("n")[..12]);
        return (key, cluster.Client.GetGrain<IInboxGrain>(key));
    }

    private static Notification Note(string eventId, string actor, NotificationKind kind = NotificationKind.NewStoryInSection, DateTimeOffset? at = null) =>
        new(eventId, kind, $"About {eventId}", "", "/", new NotificationActor(actor, "Someone"), at ?? _noon);
}
