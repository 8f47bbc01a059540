using Newsroom.Core.Accounts;
using Newsroom.Core.Notifications;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// Stories, drafts and the moderation queue as notifications: a first publication reaches followers of its section,
/// tags and author once each, an update or correction reaches the story's followers, every workflow step reaches the
/// draft's followers (and its assignee once), a comment that starts to wait reaches the moderators, and the person
/// who acted is never told.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class StoryNotificationTests(GrainCluster cluster)
{
    [Fact]
    public async Task AFirstPublication_TellsSectionTagAndAuthorFollowersOnce_ButNotThePublisher()
    {
        var unique = Guid.NewGuid().ToString("n")[..6];
        var writer = NotifiedStories.NewReporter();
        var (_, draft, slug) = await cluster.ApprovedDraft(writer, section: $"Steppe {unique}", tags: [$"Elections {unique}", "Kazakhstan"], byline: $"Wanda {unique}");
        var both = cluster.StaffInbox(NotifiedStories.NewUserName("b"));
        await both.Follow(TopicKey.Section($"steppe {unique}"));
        await both.Follow(TopicKey.Tag($"elections-{unique}"));
        var byAuthor = cluster.StaffInbox(NotifiedStories.NewUserName("a"));
        await byAuthor.Follow(TopicKey.Author($"Wanda {unique}"));
        var publisher = new DraftUser(NotifiedStories.NewUserName("e"), "Erin Editor", [NewsroomRoles.Editor]);
        await cluster.StaffInbox(publisher.UserName).Follow(TopicKey.Section($"steppe {unique}"));

        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), publisher);

        var author = Assert.Single(await byAuthor.Holding(1, "the author's follower"));
        Assert.Equal((NotificationKind.NewStoryByAuthor, $"new-story:{slug}", $"New by Wanda {unique}: Kazakhstan votes", $"/articles/{slug}"), (author.Kind, author.EventId, author.Title, author.Link));
        Assert.Equal(new NotificationActor(InboxKey.Staff(publisher.UserName), "Erin Editor"), author.Actor);
        var told = Assert.Single(await both.Holding(1, "the section and tag follower"));
        Assert.Contains(told.Kind, new[] { NotificationKind.NewStoryInSection, NotificationKind.NewStoryOnTag });
        Assert.Empty(await cluster.StaffInbox(publisher.UserName).All());
    }

    [Fact]
    public async Task AnUpdateAndACorrection_TellTheStorysFollowers_EachVersionItsOwnNotification()
    {
        var (_, draft, slug) = await cluster.ApprovedDraft(NotifiedStories.NewReporter());
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), NotifiedStories.Editor);
        var follower = cluster.StaffInbox(NotifiedStories.NewUserName("f"));
        await follower.Follow(TopicKey.Story(slug));

        // Body "Polls close at 8pm in Astana." (29 characters); each version adds to it, as a repeat publishes nothing.
        await draft.Push(DraftField.Body, 1, [Append("eddie", 29, " Polls closed.")], NotifiedStories.Editor);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Update, "Polls have now closed."), NotifiedStories.Editor);
        await follower.Holding(1, "the update");
        await draft.Push(DraftField.Body, 2, [Append("eddie", 43, " At 8pm.")], NotifiedStories.Editor);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Update, "An earlier version misstated the time.", ArticleChangeKind.Correction), NotifiedStories.Editor);

        var told = await follower.Holding(2, "the update and the correction");
        Assert.Equal(
            [(NotificationKind.StoryUpdated, $"story-update:{slug}:2", "Updated: Kazakhstan votes", "Polls have now closed."),
             (NotificationKind.StoryCorrected, $"story-update:{slug}:3", "Corrected: Kazakhstan votes", "An earlier version misstated the time.")],
            told.Select(n => (n.Kind, n.EventId, n.Title, n.Excerpt)).OrderBy(n => n.EventId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task WorkflowSteps_TellTheDraftsFollowers_AndAnAssigneeWhoFollowsItOnce()
    {
        var writer = NotifiedStories.NewReporter();
        var (id, draft) = await cluster.CreateDraft("Council budget", writer);
        var assignee = NotifiedStories.NewUserName("s");
        await draft.Assign(new DraftAssignee(assignee, "Sam Assignee"), NotifiedStories.Editor);
        await cluster.StaffInbox(assignee).Follow(TopicKey.Draft(id));
        var follower = cluster.StaffInbox(NotifiedStories.NewUserName("f"));
        await follower.Follow(TopicKey.Draft(id));

        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Submit, "Ready for a look"), writer);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Approve, null), NotifiedStories.Editor);

        var told = await follower.Holding(2, "both steps");
        Assert.Equal(
            [(NotificationKind.DraftStatusChanged, $"draft-step:{id}:0"), (NotificationKind.DraftStatusChanged, $"draft-step:{id}:1")],
            told.Select(n => (n.Kind, n.EventId)).OrderBy(n => n.EventId, StringComparer.Ordinal));
        var assignees = await cluster.StaffInbox(assignee).Holding(3, "the assignment and both steps");
        Assert.Equal(2, assignees.Count(n => n.EventId.StartsWith($"draft-step:{id}:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ACommentThatStartsToWait_TellsTheModerators()
    {
        var (slug, thread) = await Story(cluster, trustGuests: false);
        var moderator = cluster.StaffInbox(NotifiedStories.NewUserName("m"));
        await moderator.Follow(TopicKey.Moderation);

        var held = await thread.Say(Guest("Newcomer"), "My first comment here.");

        var told = await Testing.Eventually.Until(
            () => moderator.All(),
            all => all.Any(n => n.EventId.StartsWith($"moderation:{slug}:{held.Comment.Id}:", StringComparison.Ordinal)),
            NotifiedStories.Wait,
            "the moderators' notification");
        var note = told.Single(n => n.EventId.StartsWith($"moderation:{slug}:", StringComparison.Ordinal));
        Assert.Equal((NotificationKind.CommentAwaitingModeration, "A comment waits for approval: Newcomer", "My first comment here.", "/moderation"), (note.Kind, note.Title, note.Excerpt, note.Link));
    }
}
