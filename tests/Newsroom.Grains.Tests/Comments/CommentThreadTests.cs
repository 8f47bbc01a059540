using Newsroom.Core.Comments;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// A story's comment thread grain: what it stores survives a fresh activation, every change is broadcast once stored
/// with the next channel version, held comments stay with their author, and every refusal stores nothing.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CommentThreadTests(GrainCluster cluster, SharedAzurite storage)
{
    private static readonly CommentWriter _aigerim = Guest("Aigerim");
    private static readonly CommentWriter _bolat = Guest("Bolat");

    [Fact]
    public async Task AThread_AfterAFreshActivation_HasEveryCommentReplyVoteAndEdit()
    {
        var (_, thread) = await Story(cluster);
        var first = await thread.Say(_aigerim, "Turnout looked low in my district.");
        var reply = await thread.Say(_bolat, "Same here, the queue was short.", first.Comment.Id);
        await thread.Vote(first.Comment.Id, _bolat.Id, CommentVote.Up);
        await thread.Edit(reply.Comment.Id, _bolat, "Same here, the queue was very short.");

        await cluster.Deactivate(thread);
        var page = await thread.GetPage(new CommentPageQuery(ViewerId: _bolat.Id));

        var top = Assert.Single(page.Comments);
        Assert.Equal((first.Comment.Id, "Aigerim", "Turnout looked low in my district.", 1), (top.Id, top.AuthorName, top.Text, top.Up));
        var shownReply = Assert.Single(top.Replies);
        Assert.Equal(("Same here, the queue was very short.", true, true), (shownReply.Text, shownReply.IsEdited, shownReply.IsMine));
        Assert.Equal(2, page.PublishedCount);
        var next = await thread.Say(_aigerim, "A third comment gets the next id.");
        Assert.Equal(reply.Comment.Id + 1, next.Comment.Id);
    }

    [Fact]
    public async Task Comments_AreBroadcastOnceStored_WithVersionsThatGoOnAfterAFreshActivation()
    {
        var (slug, thread) = await Story(cluster);
        var relay = await cluster.Listen(ChannelName.Comments(slug));

        var posted = await thread.Say(_aigerim, "<b>Bold</b> claim: see https://example.org/results");
        var heard = await relay.WaitFor<CommentPublished>();
        await thread.Vote(posted.Comment.Id, _bolat.Id, CommentVote.Down);
        var votes = await relay.WaitFor<CommentVotesChanged>();

        Assert.Equal((posted.Comment.Id, 1), (heard.Comment.Id, heard.PublishedCount));
        Assert.Null(heard.Comment.Passage);
        Assert.False(heard.Comment.IsMine);
        Assert.StartsWith("<p>&lt;b&gt;Bold&lt;/b&gt; claim: see <a href=\"https://example.org/results\" rel=\"nofollow ugc noopener\"", heard.Comment.Html, StringComparison.Ordinal);
        Assert.Equal((posted.Comment.Id, 0, 1), (votes.CommentId, votes.Up, votes.Down));
        var versions = relay.All.Select(h => h.Version).ToList();
        Assert.Equal([posted.ChannelVersion, posted.ChannelVersion + 1], versions);
        await relay.DisposeAsync();

        await cluster.Deactivate(thread);
        await using var again = await cluster.Listen(ChannelName.Comments(slug));
        var later = await thread.Say(_bolat, "After the restart.");
        Assert.Equal(posted.ChannelVersion + 2, later.ChannelVersion);
        await again.WaitFor<CommentPublished>();
        Assert.Equal([later.ChannelVersion], again.All.Select(h => h.Version));
    }

    [Fact]
    public async Task AHeldComment_IsNotBroadcast_OnlyItsAuthorSeesIt_UntilAModeratorApprovesIt()
    {
        var (slug, thread) = await Story(cluster, trustGuests: false);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var check = await thread.CheckBeforePosting(new CommentPost(_aigerim, "My first comment here."));

        var held = await thread.Say(_aigerim, "My first comment here.");
        var staff = await thread.Say(Eddie, "Thanks for reading; results at midnight.");
        await relay.WaitFor<CommentPublished>(e => e.Comment.Id == staff.Comment.Id);

        Assert.Equal(ModerationOutcome.Hold, check.Outcome);
        Assert.Equal((true, 0L, CommentStatus.Pending), (held.Held, held.ChannelVersion, held.Comment.Status));
        Assert.Contains("new guest", held.HeldBecause, StringComparison.Ordinal);
        Assert.DoesNotContain(relay.All, h => h.Event is CommentPublished p && p.Comment.Id == held.Comment.Id);
        var hers = await thread.GetPage(new CommentPageQuery(ViewerId: _aigerim.Id));
        var others = await thread.GetPage(new CommentPageQuery(ViewerId: _bolat.Id));
        Assert.Contains(hers.Comments, c => c.Id == held.Comment.Id && c.IsMine && c.Text == "My first comment here.");
        Assert.DoesNotContain(others.Comments, c => c.Id == held.Comment.Id);
        var queue = await thread.AwaitingModeration(10);
        Assert.Equal((held.Comment.Id, ModerationRule.GuestNotYetTrusted), (Assert.Single(queue.Pending).Id, queue.Pending[0].HeldBy));

        await thread.Moderate(held.Comment.Id, CommentModerationAction.Approve, Mona, "Fine.");
        var approved = await relay.WaitFor<CommentPublished>(e => e.Comment.Id == held.Comment.Id);
        Assert.Equal("My first comment here.", approved.Comment.Text);
        Assert.Empty((await thread.AwaitingModeration(10)).Pending);
    }

    [Fact]
    public async Task Refusals_StoreNothing_AndSayWhy()
    {
        var (slug, thread) = await Story(cluster);
        var kept = await thread.Say(_aigerim, "A comment to reply to.");
        var hers = await thread.Say(_aigerim, "A comment of hers that stays.");
        await thread.Moderate(kept.Comment.Id, CommentModerationAction.Remove, Mona, "Off topic.");
        var rows = await Rows(storage, slug);

        var refusals = new (string Reason, Func<Task> Attempt)[]
        {
            ("empty", () => thread.Say(_bolat, " \u200B\n ")),
            ("at most 3000", () => thread.Say(_bolat, new string('x', 3_001))),
            ("not allowed here", () => thread.Say(_bolat, $"What a {CommentTestWords.Banned} this is.")),
            ("no comment 999", () => thread.Say(_bolat, "Replying to nothing.", 999)),
            ("removed by a moderator", () => thread.Say(_bolat, "Replying to a removed one.", kept.Comment.Id)),
            ("display name", () => thread.Say(Guest("Newsroom Staff"), "I am staff, honestly.")),
            ("email", () => thread.Say(CommentWriter.Guest("guest-x", "Xena", "not-an-address"), "Hello there.")),
            ("cannot vote on your own", () => thread.Vote(hers.Comment.Id, _aigerim.Id, CommentVote.Up)),
            ("1 to 5 stars", () => thread.Rate(_bolat.Id, 6)),
            ("quoted text", () => thread.Post(new CommentPost(_bolat, "About this.", null, new CommentAnchorRequest(1, 0, 5, "Nope!")))),
            ("Minimum length", () => thread.SetSettings(new CommentSettingsChange(MinLength: 50, MaxLength: 10), Mona)),
        };
        foreach (var (reason, attempt) in refusals)
        {
            var refused = await Assert.ThrowsAsync<CommentException>(attempt);
            Assert.Contains(reason, refused.Message.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Equal(rows, await Rows(storage, slug));
        await thread.SetSettings(new CommentSettingsChange(Open: false, GuestApprovalsBeforeTrust: 0), Mona);
        rows = await Rows(storage, slug);
        var closed = await Assert.ThrowsAsync<CommentException>(() => thread.Say(_bolat, "Too late?"));
        Assert.Equal("Comments on this story are closed.", closed.Message);
        var unknown = NewSlug();
        var nowhere = await Assert.ThrowsAsync<CommentException>(() => cluster.Client.GetGrain<ICommentThreadGrain>(unknown).Say(_bolat, "Hello?"));
        Assert.StartsWith("There is no published story", nowhere.Message, StringComparison.Ordinal);
        Assert.Equal(rows, await Rows(storage, slug));
        Assert.Equal(0, await Rows(storage, unknown));
    }

    [Fact]
    public async Task AnAuthor_MayEditAndDelete_OnlyWithinTheEditWindow()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var posted = await thread.Say(_aigerim, "Polls close at 9pm.");
        var other = await thread.Say(_aigerim, "Another thought.");

        await Assert.ThrowsAsync<CommentException>(() => thread.Edit(posted.Comment.Id, _bolat, "Hijacked."));
        cluster.Clock.Advance(TimeSpan.FromMinutes(10));
        var edited = await thread.Edit(posted.Comment.Id, _aigerim, "Polls close at 8pm.");
        var changed = await relay.WaitFor<CommentChanged>();
        cluster.Clock.Advance(TimeSpan.FromTicks(1));
        var late = await Assert.ThrowsAsync<CommentException>(() => thread.Edit(posted.Comment.Id, _aigerim, "Too late."));
        var lateDelete = await Assert.ThrowsAsync<CommentException>(() => thread.Delete(other.Comment.Id, _aigerim.Id));

        Assert.True(edited.IsEdited);
        Assert.Equal(("Polls close at 8pm.", true), (changed.Comment!.Text, changed.Comment.IsEdited));
        Assert.StartsWith("Comments can be edited or deleted for 10 minutes after posting", late.Message, StringComparison.Ordinal);
        Assert.Equal(late.Message.Split(';')[0], lateDelete.Message.Split(';')[0]);
        await cluster.Deactivate(thread);
        Assert.Equal("Polls close at 8pm.", (await thread.GetPage(new CommentPageQuery(CommentSort.Oldest))).Comments[0].Text);
    }

    [Fact]
    public async Task FeaturingAComment_IsBroadcastAsNewlyFeatured_ButItsEditAndUnfeaturingAreNot()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var posted = await thread.Say(_aigerim, "Polls close at 9pm.");

        await thread.Moderate(posted.Comment.Id, CommentModerationAction.Feature, Mona, "Useful.");
        var featured = await relay.WaitFor<CommentChanged>(e => e.Comment!.Featured);
        await thread.Edit(posted.Comment.Id, _aigerim, "Polls close at 8pm.");
        var edited = await relay.WaitFor<CommentChanged>(e => e.Comment!.IsEdited);
        await thread.Moderate(posted.Comment.Id, CommentModerationAction.Unfeature, Mona, null);
        var unfeatured = await relay.WaitFor<CommentChanged>(e => e.Comment!.IsEdited && !e.Comment.Featured);

        Assert.True(featured.NewlyFeatured);
        Assert.Equal((true, false), (edited.Comment!.Featured, edited.NewlyFeatured));
        Assert.False(unfeatured.NewlyFeatured);
    }

    [Fact]
    public async Task DeletingACommentWithReplies_LeavesCommentDeleted_AndDeletingTheLastReplyRemovesBothRows()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var parent = await thread.Say(_aigerim, "Who counts the ballots?");
        var reply = await thread.Say(_bolat, "Local commissions do.", parent.Comment.Id);
        var rows = await Rows(storage, slug);

        await thread.Delete(parent.Comment.Id, _aigerim.Id);
        var placeholder = await relay.WaitFor<CommentChanged>();
        await cluster.Deactivate(thread);
        var page = await thread.GetPage(new CommentPageQuery());

        Assert.Equal((CommentStatus.Deleted, null, CommentView.DeletedPlaceholder), (placeholder.Comment!.Status, placeholder.Comment.Text, placeholder.Comment.Placeholder));
        var top = Assert.Single(page.Comments);
        Assert.Equal((CommentView.DeletedPlaceholder, "Local commissions do."), (top.Placeholder, Assert.Single(top.Replies).Text));
        Assert.Equal(rows, await Rows(storage, slug));

        await using var again = await cluster.Listen(ChannelName.Comments(slug));
        await thread.Delete(reply.Comment.Id, _bolat.Id);
        var gone = await again.WaitFor<CommentChanged>();
        Assert.Equal([reply.Comment.Id, parent.Comment.Id], gone.Gone);
        Assert.Equal(0, gone.PublishedCount);
        Assert.Equal(rows - 2, await Rows(storage, slug));
        Assert.Empty((await thread.GetPage(new CommentPageQuery())).Comments);
    }

    [Fact]
    public async Task EachPerson_HasOneVotePerComment_ChangeableAndUndoable_AfterAFreshActivationToo()
    {
        var (_, thread) = await Story(cluster);
        var posted = await thread.Say(_aigerim, "Count every vote.");
        var id = posted.Comment.Id;

        await thread.Vote(id, _bolat.Id, CommentVote.Up);
        await thread.Vote(id, _bolat.Id, CommentVote.Up);
        await thread.Vote(id, "guest-carla", CommentVote.Up);
        await thread.Vote(id, "guest-dana", CommentVote.Down);
        await thread.Vote(id, "guest-carla", CommentVote.Down);
        var undone = await thread.Vote(id, "guest-dana", CommentVote.None);
        await cluster.Deactivate(thread);
        var reloaded = (await thread.GetPage(new CommentPageQuery(ViewerId: "guest-carla"))).Comments[0];

        Assert.Equal((1, 1, CommentVote.None), (undone.Up, undone.Down, undone.MyVote));
        Assert.Equal((1, 1, CommentVote.Down), (reloaded.Up, reloaded.Down, reloaded.MyVote));
        var again = await thread.Vote(id, "guest-carla", CommentVote.Up);
        Assert.Equal((2, 0, CommentVote.Up), (again.Up, again.Down, again.MyVote));
    }

    [Fact]
    public async Task ModeratorsDecisions_AreRecordedWithWhoWhenAndWhy_AndReportsReachTheQueue()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var posted = await thread.Say(_aigerim, "This is a fraud, they say.");
        var clean = await thread.Say(_bolat, "Results due at midnight.");

        await thread.Report(clean.Comment.Id, _aigerim.Id, "Spoiler");
        await thread.Moderate(clean.Comment.Id, CommentModerationAction.Feature, Mona, "Useful.");
        await thread.Moderate(clean.Comment.Id, CommentModerationAction.Remove, Mona, "Changed my mind.");
        var removed = await relay.WaitFor<CommentChanged>(e => e.Comment?.Status == CommentStatus.Removed);
        await cluster.Deactivate(thread);
        var decisions = await thread.DecisionsOn(clean.Comment.Id);
        var queue = await thread.AwaitingModeration(10);

        Assert.True(posted.Held);
        Assert.Equal(ModerationRule.SuspectWord, Assert.Single(queue.Pending).HeldBy);
        Assert.Null(removed.Comment!.Text);
        Assert.Equal(
            [(CommentModerationAction.Feature, "mona", "Useful."), (CommentModerationAction.Remove, "mona", "Changed my mind.")],
            decisions.Select(d => (d.Action, d.By, d.Reason)));
        Assert.All(decisions, d => Assert.Equal(cluster.Clock.GetUtcNow(), d.At));
        Assert.Empty(queue.Reported);
        var another = await thread.Say(Eddie, "Desk note.");
        await thread.Report(another.Comment.Id, _bolat.Id, "Wrong");
        Assert.Equal(("Wrong", _bolat.Id), (Assert.Single(Assert.Single((await thread.AwaitingModeration(10)).Reported).Reports).Reason, _bolat.Id));
    }

    [Fact]
    public async Task AFailedWrite_IsAnsweredBusy_AndTheThreadKeepsNothingOfIt()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var posted = await thread.Say(_aigerim, "Stored first.");
        var id = posted.Comment.Id;
        var attempts = new Func<Task>[]
        {
            () => thread.Say(_bolat, "Never stored."),
            () => thread.Vote(id, _bolat.Id, CommentVote.Up),
            () => thread.Edit(id, _aigerim, "Edited, not stored."),
            () => thread.Rate(_bolat.Id, 5),
            () => thread.Moderate(id, CommentModerationAction.Feature, Mona, "Good."),
            () => thread.Delete(id, _aigerim.Id),
        };

        foreach (var attempt in attempts)
        {
            cluster.Comments.FailNextWrite(slug, new IOException("The storage account did not answer."));
            // Told as storage being busy: the writer's page keeps the change and sends it again.
            var failed = await Assert.ThrowsAsync<StorageBusyException>(attempt);
            Assert.Equal("Storage did not take the change; send it again.", failed.Message);
        }

        var page = await thread.GetPage(new CommentPageQuery(ViewerId: _bolat.Id));
        var shown = Assert.Single(page.Comments);
        Assert.Equal(("Stored first.", 0, false, false), (shown.Text, shown.Up, shown.IsEdited, shown.Featured));
        Assert.Equal(("No ratings yet", 1), (page.Rating.Text, page.PublishedCount));
        var next = await thread.Say(_bolat, "Stored second.");
        Assert.Equal((id + 1, posted.ChannelVersion + 1), (next.Comment.Id, next.ChannelVersion));
        await relay.WaitFor<CommentPublished>(e => e.Comment.Id == next.Comment.Id);
        Assert.Equal([posted.ChannelVersion, next.ChannelVersion], relay.All.Select(h => h.Version));
    }

    [Fact]
    public async Task ABannedGuest_IsRefusedOnEveryStory_EvenWithANewCookie_UntilTheBanIsLifted()
    {
        var troll = CommentWriter.Guest($"guest-{Guid.NewGuid():n}", "Troll", $"troll-{Guid.NewGuid():n}@example.org");
        var (_, first) = await Story(cluster);
        var (other, second) = await Story(cluster);
        var abuse = await first.Say(troll, "Something abusive.");
        var fair = await second.Say(_aigerim, "A fair comment.");

        await first.Moderate(abuse.Comment.Id, CommentModerationAction.Ban, Mona, "Abuse.");
        var rows = await Rows(storage, other);
        var refusals = new[]
        {
            await Assert.ThrowsAsync<CommentException>(() => second.Say(troll, "Back again.")),
            await Assert.ThrowsAsync<CommentException>(() => second.Say(troll with { Id = $"guest-{Guid.NewGuid():n}" }, "New cookie, same email.")),
            await Assert.ThrowsAsync<CommentException>(() => second.Vote(fair.Comment.Id, troll.Id, CommentVote.Down)),
        };

        Assert.All(refusals, r => Assert.Equal("A moderator has banned you from commenting and voting here.", r.Message));
        Assert.Equal(rows, await Rows(storage, other));
        var decision = Assert.Single(await first.DecisionsOn(abuse.Comment.Id));
        Assert.Equal((CommentModerationAction.Ban, "mona", "Abuse."), (decision.Action, decision.By, decision.Reason));
        var bans = cluster.Client.GetGrain<ICommentBansGrain>(ICommentBansGrain.Newsroom);
        Assert.True(await bans.Lift(troll.Id));
        await cluster.Deactivate(bans);
        Assert.Null(await bans.Find(troll.Id, null));
        Assert.False((await second.Say(troll, "Behaving now.")).Held);
    }
}
