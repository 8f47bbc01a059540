using Azure.Data.Tables;
using Newsroom.Core.Comments;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// The newsroom-wide moderation queue: comments held or reported under any story appear in it with why, live on
/// <c>moderation:newsroom</c>, leave it once a moderator decides, survive a fresh activation, and come back when the
/// queue missed what a thread told it.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class ModerationQueueTests(GrainCluster cluster, SharedAzurite storage)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);
    private static readonly CommentWriter _aigerim = Guest("Aigerim");
    private static readonly CommentWriter _bolat = Guest("Bolat");

    private IModerationQueueGrain Queue => cluster.Client.GetGrain<IModerationQueueGrain>(IModerationQueueGrain.Newsroom);

    [Fact]
    public async Task HeldComments_OnTwoStories_AppearInTheNewsroomQueue_WithWhyTheyWereHeld()
    {
        var (election, electionThread) = await Story(cluster);
        var (weather, weatherThread) = await Story(cluster, "Snow is expected in Astana tonight.", trustGuests: false);
        await using var relay = await cluster.Listen(ChannelName.Moderation(IModerationQueueGrain.Newsroom));

        var suspect = await electionThread.Say(_aigerim, $"The count was a <b>{CommentTestWords.Suspect}</b>, I saw it.");
        var firstTime = await weatherThread.Say(_bolat, "Bring a warm coat.");
        var published = await electionThread.Say(Eddie, "Results at midnight.");

        var queued = await Entries(ModerationQueueFilter.Pending, election, weather);
        Assert.Equal(2, queued.Count);
        var fromElection = Assert.Single(queued, e => e.Slug == election);
        Assert.Equal((suspect.Comment.Id, "Aigerim", ModerationRule.SuspectWord, CommentStatus.Pending), (fromElection.CommentId, fromElection.AuthorName, fromElection.HeldBy, fromElection.Status));
        Assert.Contains(CommentTestWords.Suspect, fromElection.HoldReason, StringComparison.Ordinal);
        Assert.Equal($"The count was a <b>{CommentTestWords.Suspect}</b>, I saw it.", fromElection.Excerpt);
        Assert.Contains("&lt;b&gt;", fromElection.Html, StringComparison.Ordinal);
        var fromWeather = Assert.Single(queued, e => e.Slug == weather);
        Assert.Equal((firstTime.Comment.Id, ModerationRule.GuestNotYetTrusted), (fromWeather.CommentId, fromWeather.HeldBy));
        Assert.DoesNotContain(queued, e => e.CommentId == published.Comment.Id && e.Slug == election);

        await relay.WaitUntil(h => h.Count(e => e.Event is ModerationQueued q && (q.Entry.Slug == election || q.Entry.Slug == weather)) == 2, "both held comments queued");
        Assert.All(relay.All, h => Assert.Equal("moderation:newsroom", h.Channel));
        var versions = relay.All.Select(h => h.Version).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task AReportedComment_AppearsWithItsReasons_AndADecisionTakesItOut_AndTheEventSaysSo()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Moderation(IModerationQueueGrain.Newsroom));
        var posted = await thread.Say(_aigerim, "The turnout figures are made up.");

        await thread.Report(posted.Comment.Id, "reader-1", "Spreads false claims.");
        await thread.Report(posted.Comment.Id, "reader-2", "Rude.");

        var reported = Assert.Single(await Entries(ModerationQueueFilter.Reported, slug));
        Assert.Equal((posted.Comment.Id, 2, CommentStatus.Published, ModerationRule.None), (reported.CommentId, reported.ReportCount, reported.Status, reported.HeldBy));
        Assert.Equal(["Rude.", "Spreads false claims."], reported.ReportReasons.Order(StringComparer.Ordinal));
        Assert.Empty(await Entries(ModerationQueueFilter.Pending, slug));
        await relay.WaitFor<ModerationQueued>(q => q.Entry.Slug == slug && q.Entry.ReportCount == 2);

        await thread.Moderate(posted.Comment.Id, CommentModerationAction.Approve, Mona, "Fair criticism.");

        var decided = await relay.WaitFor<ModerationDecided>(d => d.Slug == slug);
        Assert.Equal((posted.Comment.Id, CommentModerationAction.Approve, "mona"), (decided.CommentId, decided.Action, decided.By));
        Assert.Empty(await Entries(ModerationQueueFilter.All, slug));
        var page = await Queue.List(ModerationQueueFilter.All, 1, null);
        Assert.Equal((page.PendingCount, page.ReportedCount), (decided.PendingCount, decided.ReportedCount));
    }

    [Fact]
    public async Task ApprovingAHeldComment_TakesItOutOfTheQueue_AndTheEventSaysWhoApprovedIt()
    {
        var (slug, thread) = await Story(cluster, trustGuests: false);
        await using var relay = await cluster.Listen(ChannelName.Moderation(IModerationQueueGrain.Newsroom));
        var held = await thread.Say(_aigerim, "My first comment here.");
        var queued = await relay.WaitFor<ModerationQueued>(q => q.Entry.Slug == slug);

        await thread.Moderate(held.Comment.Id, CommentModerationAction.Approve, Mona, "Fine.");

        var decided = await relay.WaitFor<ModerationDecided>(d => d.Slug == slug);
        Assert.Equal((held.Comment.Id, CommentModerationAction.Approve, "mona"), (decided.CommentId, decided.Action, decided.By));
        Assert.Equal(queued.PendingCount - 1, decided.PendingCount);
        Assert.Empty(await Entries(ModerationQueueFilter.All, slug));
        Assert.Equal(0, await QueueRows(slug));
        Assert.Empty((await thread.AwaitingModeration(10)).Pending);
    }

    [Fact]
    public async Task AnEditThatMakesACommentHeld_PutsItInTheQueue_AndItsAuthorDeletingIt_TakesItOut()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Moderation(IModerationQueueGrain.Newsroom));
        var posted = await thread.Say(_aigerim, "The count looked fine.");
        Assert.Empty(await Entries(ModerationQueueFilter.All, slug));

        await thread.Edit(posted.Comment.Id, _aigerim, $"The count looked like {CommentTestWords.Suspect}.");

        var held = Assert.Single(await Entries(ModerationQueueFilter.Pending, slug));
        Assert.Equal((posted.Comment.Id, ModerationRule.SuspectWord, $"The count looked like {CommentTestWords.Suspect}."), (held.CommentId, held.HeldBy, held.Excerpt));

        await thread.Delete(posted.Comment.Id, _aigerim.Id);

        var left = await relay.WaitFor<ModerationDecided>(d => d.Slug == slug);
        Assert.Equal((posted.Comment.Id, (CommentModerationAction?)null), (left.CommentId, left.Action));
        Assert.Empty(await Entries(ModerationQueueFilter.All, slug));
    }

    [Fact]
    public async Task TheQueue_AfterAFreshActivation_HasEveryEntry_OneRowEach()
    {
        var (slug, thread) = await Story(cluster);
        var held = await thread.Say(_aigerim, $"Total {CommentTestWords.Suspect}.");
        var posted = await thread.Say(_bolat, "A fine report.");
        await thread.Report(posted.Comment.Id, "reader-1", "Spam.");
        var before = await Entries(ModerationQueueFilter.All, slug);

        await cluster.Deactivate(Queue);
        var after = await Entries(ModerationQueueFilter.All, slug);

        Assert.Equal([held.Comment.Id, posted.Comment.Id], after.Select(e => e.CommentId).Order());
        Assert.All(after, e => Assert.True(e.SameAs(before.Single(b => b.CommentId == e.CommentId)), $"{e.Key} changed"));
        Assert.Equal(2, await QueueRows(slug));
    }

    [Fact]
    public async Task AQueueThatFailed_IsHealedByTheThread_AndTheThreadKeepsItsComment()
    {
        var (slug, thread) = await Story(cluster);
        cluster.ModerationQueue.FailNextSave(new InvalidOperationException("Table storage is down."));

        var held = await thread.Say(_aigerim, $"Another {CommentTestWords.Suspect}.");

        Assert.True(held.Held);
        Assert.Empty(await Entries(ModerationQueueFilter.All, slug));
        Assert.Equal(held.Comment.Id, Assert.Single((await thread.AwaitingModeration(10)).Pending).Id);
        cluster.Clock.Advance(CommentThreadGrain.QueueRetry);
        var healed = await Eventually.Until(() => Entries(ModerationQueueFilter.Pending, slug), e => e.Count == 1, _wait, "the thread to reconcile the queue");
        Assert.Equal(held.Comment.Id, healed[0].CommentId);
    }

    [Fact]
    public async Task AThread_OnActivation_PutsBackWhatTheQueueLost()
    {
        var (slug, thread) = await Story(cluster);
        var held = await thread.Say(_aigerim, $"Yet another {CommentTestWords.Suspect}.");
        var table = new TableServiceClient(storage.Azurite.ConnectionString).GetTableClient("moderationqueue");
        await table.DeleteEntityAsync(IModerationQueueGrain.Newsroom, ModerationEntry.KeyOf(slug, held.Comment.Id));
        await cluster.Deactivate(Queue);
        Assert.Empty(await Entries(ModerationQueueFilter.All, slug));

        await cluster.Deactivate(thread);
        await thread.GetRating(null);

        Assert.Equal(held.Comment.Id, Assert.Single(await Entries(ModerationQueueFilter.Pending, slug)).CommentId);
    }

    [Fact]
    public async Task TheQueue_PageByPage_ListsLongestWaitingFirst_EachOnce_AndRefusesACursorItDidNotGive()
    {
        var (slug, thread) = await Story(cluster);
        var ids = new List<long>();
        foreach (var word in new[] { "first", "second", "third" })
        {
            ids.Add((await thread.Say(_aigerim, $"The {word} {CommentTestWords.Suspect}.")).Comment.Id);
            cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<ModerationEntry>();
        string? cursor = null;
        do
        {
            var page = await Queue.List(ModerationQueueFilter.Pending, 1, cursor);
            Assert.True(page.Entries.Count <= 1);
            Assert.DoesNotContain(seen, s => page.Entries.Any(e => e.Key == s.Key));
            seen.AddRange(page.Entries);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(ids, seen.Where(e => e.Slug == slug).Select(e => e.CommentId));
        Assert.Equal(seen.OrderBy(e => e.Since).Select(e => e.Key), seen.Select(e => e.Key));
        var refused = await Assert.ThrowsAsync<CommentException>(() => Queue.List(ModerationQueueFilter.All, 10, "not-a-cursor"));
        Assert.Contains("cursor", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Every entry of these stories, read page by page from the shared queue (other tests' entries are in it too).</summary>
    private async Task<List<ModerationEntry>> Entries(ModerationQueueFilter filter, params string[] slugs)
    {
        var found = new List<ModerationEntry>();
        string? cursor = null;
        do
        {
            var page = await Queue.List(filter, 50, cursor);
            found.AddRange(page.Entries.Where(e => slugs.Contains(e.Slug)));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return found;
    }

    private async Task<int> QueueRows(string slug)
    {
        var table = new TableServiceClient(storage.Azurite.ConnectionString).GetTableClient("moderationqueue");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == IModerationQueueGrain.Newsroom, select: ["RowKey"]))
        {
            count += row.RowKey.StartsWith(slug + ":", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
