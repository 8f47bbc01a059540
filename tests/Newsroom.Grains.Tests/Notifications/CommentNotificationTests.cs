using Newsroom.Core.Notifications;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// Comments as notifications, end to end from the thread to the inboxes: followers of a story's comments, the person
/// answered, followers of the comment answered and the story's writer each hear of a visible comment once (one event
/// id however many ways it reaches them), the commenter never, and a held comment only once it is approved.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CommentNotificationTests(GrainCluster cluster)
{
    [Fact]
    public async Task AComment_ReachesFollowUpFollowersAndTheStorysWriter_ButNotTheCommenter()
    {
        var writer = NotifiedStories.NewReporter();
        var (_, slug) = await cluster.PublishedStory(writer);
        var thread = await TrustingThread(slug);
        var follower = cluster.StaffInbox(NotifiedStories.NewUserName("f"));
        var commenterName = NotifiedStories.NewUserName("c");
        var commenter = cluster.StaffInbox(commenterName);
        await follower.Follow(TopicKey.FollowUps(slug));
        await commenter.Follow(TopicKey.FollowUps(slug));

        var posted = await thread.Say(CommentWriter.Staff(commenterName, "Cara Commenter"), "Turnout <b>looked</b> low.");

        var told = Assert.Single(await follower.Holding(1, "the follower's notification"));
        Assert.Equal(
            (NotificationKind.FollowUpComment, $"comment:{slug}:{posted.Comment.Id}", "New comment on “Kazakhstan votes”", "Turnout <b>looked</b> low.", $"/articles/{slug}#comment-{posted.Comment.Id}"),
            (told.Kind, told.EventId, told.Title, told.Excerpt, told.Link));
        Assert.Equal(new NotificationActor(InboxKey.Staff(commenterName), "Cara Commenter"), told.Actor);
        var writers = Assert.Single(await cluster.StaffInbox(writer.UserName).Holding(1, "the writer's notification"));
        Assert.Equal((NotificationKind.CommentOnMyStory, told.EventId), (writers.Kind, writers.EventId));
        Assert.Empty(await commenter.All());
    }

    [Fact]
    public async Task AReply_TellsTheAuthorAnsweredOnce_EvenWhenTheyFollowEveryMatchingTopic_AndTellsTheCommentsFollowers()
    {
        var (_, slug) = await cluster.PublishedStory(NotifiedStories.NewReporter());
        var thread = await TrustingThread(slug);
        var authorName = NotifiedStories.NewUserName("a");
        var author = cluster.StaffInbox(authorName);
        var storyWatcher = cluster.StaffInbox(NotifiedStories.NewUserName("s"));
        await author.Follow(TopicKey.FollowUps(slug));
        await storyWatcher.Follow(TopicKey.FollowUps(slug));
        var first = await thread.Say(CommentWriter.Staff(authorName, "Ann Author"), "The queue was long.");
        await author.Follow(TopicKey.Replies(slug, first.Comment.Id));
        var replyWatcher = cluster.StaffInbox(NotifiedStories.NewUserName("r"));
        await replyWatcher.Follow(TopicKey.Replies(slug, first.Comment.Id));

        var reply = await thread.Say(Guest("Bolat"), "Same in my district.", first.Comment.Id);
        var later = await thread.Say(Guest("Bolat"), "And the lights were off.", first.Comment.Id);

        // Each topic delivers in order: once both watchers have the later reply, the first reached the author every way.
        var watched = await replyWatcher.Holding(2, "both replies at the reply's follower");
        await storyWatcher.Holding(3, "all three comments at the story's follower");
        Assert.Equal((NotificationKind.ReplyToFollowedComment, "Bolat replied to a comment you follow"), (watched[^1].Kind, watched[^1].Title));
        var told = await author.Holding(2, "both replies at the author");
        Assert.Equal([$"comment:{slug}:{later.Comment.Id}", $"comment:{slug}:{reply.Comment.Id}"], told.Select(n => n.EventId).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(InboxKey.Guest(GuestEmailHash("bolat@example.org")), told[0].Actor.Id);
    }

    [Fact]
    public async Task AGuestAnswered_HearsOfTheReply_OnlyOnceTheyFollowMyReplies()
    {
        var (_, slug) = await cluster.PublishedStory(NotifiedStories.NewReporter());
        var thread = await TrustingThread(slug);
        var guest = Guest("Aigerim" + Guid.NewGuid().ToString("n")[..6]);
        var guestInbox = cluster.Inbox(InboxKey.Guest(GuestEmailHash(guest.Email!)));
        var first = await thread.Say(guest, "Turnout looked low.");
        var watcher = cluster.StaffInbox(NotifiedStories.NewUserName("r"));
        await watcher.Follow(TopicKey.Replies(slug, first.Comment.Id));

        await thread.Say(Eddie, "Thanks, we are checking.", first.Comment.Id);
        await watcher.Holding(1, "the first reply");
        await guestInbox.Follow(TopicKey.MyReplies);
        var second = await thread.Say(Eddie, "Confirmed: turnout was 54 percent.", first.Comment.Id);

        var told = Assert.Single(await guestInbox.Holding(1, "the guest's reply"));
        Assert.Equal((NotificationKind.ReplyToMyComment, $"comment:{slug}:{second.Comment.Id}", "Eddie Editor replied to your comment"), (told.Kind, told.EventId, told.Title));
    }

    [Fact]
    public async Task AHeldComment_TellsNobody_UntilAModeratorApprovesIt()
    {
        var (_, slug) = await cluster.PublishedStory(NotifiedStories.NewReporter());
        var thread = cluster.Client.GetGrain<ICommentThreadGrain>(slug);
        var follower = cluster.StaffInbox(NotifiedStories.NewUserName("f"));
        await follower.Follow(TopicKey.FollowUps(slug));

        var held = await thread.Say(Guest("Newcomer"), "My first comment here.");
        var staff = await thread.Say(Eddie, "Results at midnight.");
        await follower.Holding(1, "the staff comment");
        Assert.True(held.Held);
        Assert.Equal([$"comment:{slug}:{staff.Comment.Id}"], (await follower.All()).Select(n => n.EventId));

        await cluster.Deactivate(thread);
        await thread.Moderate(held.Comment.Id, CommentModerationAction.Approve, Mona, null);

        var told = await follower.Holding(2, "the approved comment");
        Assert.Equal(
            [$"comment:{slug}:{held.Comment.Id}", $"comment:{slug}:{staff.Comment.Id}"],
            told.Select(n => n.EventId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AStaffCommenter_FollowsTheStory_AndAnUnconfirmedGuestDoesNot()
    {
        var (_, slug) = await cluster.PublishedStory(NotifiedStories.NewReporter());
        var thread = await TrustingThread(slug);
        var staffName = NotifiedStories.NewUserName("c");
        var guest = Guest("Dana" + Guid.NewGuid().ToString("n")[..6]);

        await thread.Say(CommentWriter.Staff(staffName, "Cara Commenter"), "Good piece.");
        await thread.Say(guest, "Agreed.");

        await Testing.Eventually.Until(() => cluster.StaffInbox(staffName).Following(), f => f.Count == 1, NotifiedStories.Wait, "the staff commenter's follow");
        Assert.Equal([TopicKey.Story(slug)], await cluster.StaffInbox(staffName).Following());
        Assert.Empty(await cluster.Inbox(InboxKey.Guest(GuestEmailHash(guest.Email!))).Following());
    }

    private async Task<ICommentThreadGrain> TrustingThread(string slug)
    {
        var thread = cluster.Client.GetGrain<ICommentThreadGrain>(slug);
        await thread.SetSettings(new CommentSettingsChange(GuestApprovalsBeforeTrust: 0), Mona);
        return thread;
    }

    private static string GuestEmailHash(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(email)));
}
