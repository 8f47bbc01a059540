using Newsroom.Core.Accounts;
using Newsroom.Core.Notifications;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// A person's inbox: one notification per event, never one of their own actions, newest first in pages, read one by
/// one or all at once, each change stored before it is answered or published on <c>user:{userName}</c>, and all of
/// it (dedupe included) still there after the grain is deactivated.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class InboxGrainTests(GrainCluster cluster)
{
    private static readonly DateTimeOffset _noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SameEventDeliveredTwice_IsOneNotification_AlsoWithinOneBatch()
    {
        var (_, inbox) = NewInbox();

        var first = await inbox.Deliver([Note("e-1"), Note("e-1"), Note("e-2")]);
        var again = await inbox.Deliver([Note("e-1", at: _noon.AddMinutes(5)), Note("e-2")]);
        var page = await inbox.Page(null, 10);

        Assert.Equal(["e-1", "e-2"], first.Added.Select(e => e.Notification.EventId).Order());
        Assert.Empty(again.Added);
        Assert.Equal(2, again.Unread);
        Assert.Equal(2, page.Entries.Count);
    }

    [Fact]
    public async Task EventCausedByTheOwner_IsDropped()
    {
        var (userName, inbox) = NewInbox();

        var delivered = await inbox.Deliver([Note("own", actor: InboxKey.Staff(userName)), Note("other")]);

        Assert.Equal(["other"], delivered.Added.Select(e => e.Notification.EventId));
        Assert.Equal(["other"], (await inbox.Page(null, 10)).Entries.Select(e => e.Notification.EventId));
    }

    [Fact]
    public async Task Pages_AreNewestFirst_AndTheCursorContinuesWhereThePageEnded()
    {
        var (_, inbox) = NewInbox();
        // Delivered out of order: the inbox orders by when each happened.
        await inbox.Deliver([.. new[] { 3, 0, 6, 1, 5, 2, 4 }.Select(i => Note($"e-{i}", at: _noon.AddMinutes(i)))]);

        var pages = new List<InboxPage>();
        string? cursor = null;
        do
        {
            var page = await inbox.Page(cursor, 3);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Entries.Count));
        Assert.Equal(
            ["e-6", "e-5", "e-4", "e-3", "e-2", "e-1", "e-0"],
            pages.SelectMany(p => p.Entries).Select(e => e.Notification.EventId));
        Assert.All(pages, p => Assert.Equal(7, p.Unread));
    }

    [Fact]
    public async Task MarkRead_ThenMarkAllRead_CountDownAndArePublishedOnTheUserChannel()
    {
        var (userName, inbox) = NewInbox();
        await using var relay = await cluster.Listen(InboxKey.StaffChannel(userName));
        var added = (await inbox.Deliver([Note("a", at: _noon), Note("b", at: _noon.AddMinutes(1)), Note("c", at: _noon.AddMinutes(2))])).Added;

        var afterOne = await inbox.MarkRead(added[0].Id);
        var afterSame = await inbox.MarkRead(added[0].Id);
        var afterAll = await inbox.MarkAllRead();

        Assert.Equal(2, afterOne);
        Assert.Equal(2, afterSame);
        Assert.Equal(0, afterAll);
        Assert.Equal(0, await inbox.Unread());
        var heard = await relay.WaitUntil(h => h.Count == 5, "three arrivals, one read and all read");
        Assert.Equal([1L, 2L, 3L, 4L, 5L], heard.Select(h => h.Version).Order());
        Assert.Equal([3, 3, 3], relay.Events<NotificationArrived>().Select(e => e.Event.Unread));
        var read = Assert.Single(relay.Events<NotificationsRead>());
        Assert.Equal([added[0].Id], read.Event.Ids);
        Assert.Equal(2, read.Event.Unread);
        Assert.Equal(0, Assert.Single(relay.Events<AllNotificationsRead>()).Event.Unread);
        Assert.All((await inbox.Page(null, 10)).Entries, e => Assert.True(e.Read));
    }

    [Fact]
    public async Task Inbox_AfterDeactivation_KeepsItsNotificationsReadStateDedupeAndChannelVersion()
    {
        var (userName, inbox) = NewInbox();
        var added = (await inbox.Deliver([Note("kept-1", at: _noon), Note("kept-2", at: _noon.AddMinutes(1))])).Added;
        await inbox.MarkRead(added.Single(e => e.Notification.EventId == "kept-1").Id);

        await cluster.Deactivate(inbox);
        await using var relay = await cluster.Listen(InboxKey.StaffChannel(userName));
        var again = await inbox.Deliver([Note("kept-1"), Note("kept-3", at: _noon.AddMinutes(2))]);
        var page = await inbox.Page(null, 10);

        Assert.Equal(["kept-3"], again.Added.Select(e => e.Notification.EventId));
        Assert.Equal(["kept-3", "kept-2", "kept-1"], page.Entries.Select(e => e.Notification.EventId));
        Assert.Equal([false, false, true], page.Entries.Select(e => e.Read));
        Assert.Equal(2, page.Unread);
        Assert.Equal("Rosa \"<b>Reporter</b>\"", page.Entries[0].Notification.Actor.DisplayName);
        // Versions go on from the last stored one: a tab that saw 1 to 3 before the restart takes 4 as the next.
        await relay.WaitFor<NotificationArrived>();
        Assert.Equal(4, Assert.Single(relay.All).Version);
    }

    [Theory]
    [InlineData("not-a-cursor", 10, "The cursor is not one an inbox page gave; start again from the newest.")]
    [InlineData(null, 0, "Ask for 1 to 50 notifications at a time; got 0.")]
    [InlineData(null, 51, "Ask for 1 to 50 notifications at a time; got 51.")]
    public async Task BadCursorOrSize_IsRefused(string? cursor, int size, string message)
    {
        var (_, inbox) = NewInbox();

        var refused = await Assert.ThrowsAsync<InboxException>(() => inbox.Page(cursor, size));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public async Task MalformedIdOrOverlongDelivery_IsRefused_AndStoresNothing()
    {
        var (_, inbox) = NewInbox();

        var badId = await Assert.ThrowsAsync<InboxException>(() => inbox.MarkRead("n-1"));
        var tooMany = await Assert.ThrowsAsync<InboxException>(
            () => inbox.Deliver([.. Enumerable.Range(0, 51).Select(i => Note($"many-{i}"))]));

        Assert.Equal("'n-1' is not a notification id.", badId.Message);
        Assert.Equal("Deliver at most 50 notifications at once; got 51.", tooMany.Message);
        Assert.Empty((await inbox.Page(null, 50)).Entries);
    }

    [Fact]
    public async Task Inbox_KeepsItsNewest500_DroppingTheOldest()
    {
        var (_, inbox) = NewInbox();
        for (var batch = 0; batch < 11; batch++)
        {
            await inbox.Deliver([.. Enumerable.Range(batch * 50, 50).Select(i => Note($"n-{i}", at: _noon.AddSeconds(i)))]);
        }

        var late = await inbox.Deliver([Note("too-old", at: _noon.AddDays(-1))]);
        await cluster.Deactivate(inbox);
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await inbox.Page(cursor, 50);
            ids.AddRange(page.Entries.Select(e => e.Notification.EventId));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Empty(late.Added);
        Assert.Equal(500, ids.Count);
        Assert.Equal("n-549", ids[0]);
        Assert.Equal("n-50", ids[^1]);
        Assert.Equal(500, await inbox.Unread());
    }

    [Fact]
    public async Task AFullInbox_DeletesWhatItDropsFromStorage50AtATime_NotOnEveryDelivery()
    {
        var (userName, inbox) = NewInbox();
        for (var batch = 0; batch < 10; batch++)
        {
            await inbox.Deliver([.. Enumerable.Range(batch * 50, 50).Select(i => Note($"n-{i}", at: _noon.AddSeconds(i)))]);
        }

        for (var i = 500; i < 560; i++)
        {
            await inbox.Deliver([Note($"n-{i}", at: _noon.AddSeconds(i))]);
        }

        var removals = cluster.Inboxes.Removals(InboxKey.Staff(userName));
        await cluster.Deactivate(inbox);
        var first = await inbox.Page(null, 50);

        Assert.Equal([50], removals);
        Assert.Equal("n-559", first.Entries[0].Notification.EventId);
        Assert.Equal(500, await inbox.Unread());
        Assert.Equal([50], cluster.Inboxes.Removals(InboxKey.Staff(userName)));
    }

    [Fact]
    public async Task DraftAssignedToSomeoneElse_ReachesTheirInbox_ButAssigningOneselfDoesNot()
    {
        var (id, draft) = await cluster.CreateDraft("Night buses return", GrainCluster.Eddie);
        var assignee = "a" + Guid.NewGuid().ToString("n")[..10];
        var inbox = cluster.Client.GetGrain<IInboxGrain>(InboxKey.Staff(assignee));
        var eddiesBefore = await cluster.Client.GetGrain<IInboxGrain>(InboxKey.Staff("eddie")).Unread();

        await draft.Assign(new DraftAssignee(assignee, "Ana Assignee"), GrainCluster.Eddie);
        await draft.Assign(new DraftAssignee("eddie", "Eddie Editor"), GrainCluster.Eddie);

        var page = await Eventually.Until(() => inbox.Page(null, 10), p => p.Entries.Count > 0, TimeSpan.FromSeconds(10), "the assignee's notification");
        var entry = Assert.Single(page.Entries);
        Assert.Equal(NotificationKind.DraftAssigned, entry.Notification.Kind);
        Assert.Equal("Assigned to you: Night buses return", entry.Notification.Title);
        Assert.Equal("Eddie Editor assigned you this draft.", entry.Notification.Excerpt);
        Assert.Equal($"/drafts/{id}", entry.Notification.Link);
        Assert.Equal(new NotificationActor("staff:eddie", "Eddie Editor"), entry.Notification.Actor);
        Assert.StartsWith($"draft-assigned:{id}:{assignee}:", entry.Notification.EventId, StringComparison.Ordinal);
        Assert.Equal(eddiesBefore, await cluster.Client.GetGrain<IInboxGrain>(InboxKey.Staff("eddie")).Unread());
    }

    [Fact]
    public async Task StepsOnAnAssignedDraft_TellTheAssignee_OncePerStep()
    {
        var (id, draft) = await cluster.CreateDraft("Council budget", GrainCluster.Eddie);
        var assignee = "a" + Guid.NewGuid().ToString("n")[..10];
        var inbox = cluster.Client.GetGrain<IInboxGrain>(InboxKey.Staff(assignee));
        await draft.Assign(new DraftAssignee(assignee, "Ana Assignee"), GrainCluster.Eddie);

        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Submit, "Ready for a look"), new DraftUser("rosa", "Rosa Reporter", [NewsroomRoles.Reporter]));
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Approve, null), new DraftUser("eddie", "Eddie Editor", [NewsroomRoles.Editor]));

        var page = await Eventually.Until(() => inbox.Page(null, 10), p => p.Entries.Count == 3, TimeSpan.FromSeconds(10), "three notifications");
        // The test clock stands still, so all three happened at one time: ordered here by event.
        Assert.Equal(
            [(NotificationKind.DraftStatusChanged, "In review: Council budget", "Rosa Reporter: Ready for a look", $"draft-step:{id}:0"),
             (NotificationKind.DraftStatusChanged, "Approved: Council budget", "Eddie Editor took the step.", $"draft-step:{id}:1")],
            page.Entries.Where(e => e.Notification.EventId.StartsWith("draft-step:", StringComparison.Ordinal)).OrderBy(e => e.Notification.EventId, StringComparer.Ordinal)
                .Select(e => (e.Notification.Kind, e.Notification.Title, e.Notification.Excerpt, e.Notification.EventId)));
        Assert.Single(page.Entries, e => e.Notification.Kind == NotificationKind.DraftAssigned);
    }

    private (string UserName, IInboxGrain Inbox) NewInbox()
    {
        var userName = "u" + Guid.NewGuid().ToString("n")[..12];
        return (userName, cluster.Client.GetGrain<IInboxGrain>(InboxKey.Staff(userName)));
    }

    private static Notification Note(string eventId, DateTimeOffset? at = null, string actor = "staff:rosa") =>
        new(eventId, NotificationKind.Mentioned, $"Mentioned in {eventId}", "An excerpt <script>x</script>", "/desk",
            new NotificationActor(actor, "Rosa \"<b>Reporter</b>\""), at ?? _noon);
}
