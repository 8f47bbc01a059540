using Newsroom.Core.Accounts;
using Newsroom.Core.Publishing;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Grains.Tests.Drafts;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Cluster.GrainCluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Desk;

/// <summary>
/// The newsroom desk lists every draft, most recently changed first, with who is in it now; drafts tell it of
/// creation, joins and leaves at once and of edits at most once per DeskThrottle (1 s).
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DeskGrainDraftListTests(GrainCluster cluster)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CreatedDraft_IsListedByTheTimeCreationReturns_WithItsCreator()
    {
        await using var desk = await cluster.Listen(ChannelName.Desk(IDeskGrain.Newsroom));

        // No headline, so no edit tells the desk: only the creation itself does.
        var (id, _) = await cluster.CreateDraft("", Eddie);
        var listed = (await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id);
        var announced = await desk.WaitFor<DeskDraftChanged>(e => e.Draft.Id == id);

        Assert.Equal(("", "Eddie Editor", cluster.Clock.GetUtcNow()), (listed.Headline, listed.LastChangedBy, listed.LastChangedAt));
        Assert.Empty(listed.Editors);
        Assert.Equal("Eddie Editor", announced.Draft.LastChangedBy);
    }

    [Fact]
    public async Task DraftCreatedWithAHeadline_IsListedWithIt()
    {
        var (id, _) = await cluster.CreateDraft("Flood defences hold", Eddie);

        var listed = await Eventually.Until(
            async () => (await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id), d => d.Headline.Length > 0, _wait, "the headline on the desk");

        Assert.Equal("Flood defences hold", listed.Headline);
    }

    [Fact]
    public async Task EditorsJoiningAndLeaving_ShowOnTheDeskWithinThePresenceInterval_OneBadgePerPerson()
    {
        var (id, draft) = await cluster.CreateDraft("Who is in it");
        await using var desk = await cluster.Listen(ChannelName.Desk(IDeskGrain.Newsroom));

        await draft.Open("rosa-1", Rosa);
        await draft.Open("rosa-2", Rosa);
        await draft.Open("eddie-1", Eddie);
        var three = await ToldToDesk(desk, d => d.Id == id && d.Editors.Count == 2);
        await draft.Leave("eddie-1");
        await draft.Leave("rosa-1");
        await draft.Leave("rosa-2");
        await ToldToDesk(desk, d => d.Id == id && d.Editors.Count == 0);

        Assert.Equal([("eddie", "Eddie Editor", "EE"), ("rosa", "Rosa Reporter", "RR")], three.Draft.Editors.Select(b => (b.UserName, b.DisplayName, b.Initials)));
        Assert.Empty((await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id).Editors);
    }

    [Fact]
    public async Task Edits_ReachTheDeskAtMostOncePerThrottle_WithTheLatestHeadlineAndWhoChangedIt()
    {
        var (id, draft) = await cluster.CreateDraft("Flood");
        await draft.Open("eddie-1", Eddie);
        await using var desk = await cluster.Listen(ChannelName.Desk(IDeskGrain.Newsroom));

        // Creating told the desk just now, so these two edits wait for the throttle's timer.
        await draft.Push(DraftField.Headline, 1, [Append("e", 5, " defences")], Eddie);
        await draft.Push(DraftField.Headline, 2, [Append("e", 14, " hold")], Eddie);
        cluster.Clock.Advance(TimeSpan.FromSeconds(1));
        var edited = await desk.WaitFor<DeskDraftChanged>(e => e.Draft.Id == id && e.Draft.Headline == "Flood defences hold");
        var listed = await Eventually.Until(
            async () => (await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id), d => d.Headline == "Flood defences hold", _wait, "the desk row");

        Assert.Equal("Eddie Editor", edited.Draft.LastChangedBy);
        Assert.Equal(["eddie"], edited.Draft.Editors.Select(b => b.UserName));
        Assert.DoesNotContain(desk.Events<DeskDraftChanged>(), e => e.Event.Draft.Id == id && e.Event.Draft.Headline == "Flood defences");
        Assert.Equal("Eddie Editor", listed.LastChangedBy);
    }

    // Joins and leaves reach the desk with the draft's presence message, once per presence interval of the fake clock.
    private async Task<DeskDraftChanged> ToldToDesk(RecordingRelay desk, Func<DraftSummary, bool> match)
    {
        var told = await Eventually.Until(
            () =>
            {
                cluster.Clock.Advance(PresenceMessages.Interval);
                return Task.FromResult(desk.Events<DeskDraftChanged>().Select(e => e.Event).Where(e => match(e.Draft)).ToList());
            },
            found => found.Count > 0,
            _wait,
            "the desk to be told");
        return told[0];
    }

    [Fact]
    public async Task DraftList_PutsTheMostRecentlyChangedFirst()
    {
        var (older, olderDraft) = await cluster.CreateDraft("Older");
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));
        var (newer, _) = await cluster.CreateDraft("Newer");
        var before = await Order(older, newer);
        cluster.Clock.Advance(TimeSpan.FromMinutes(1));

        // The draft has not told the desk of an edit for a minute, so this one goes at once.
        await olderDraft.Push(DraftField.Body, 0, [Append("r", 0, "Edited later")], Rosa);
        var after = await Eventually.Until(() => Order(older, newer), o => o[0] == older, _wait, "the edited draft to move up");

        Assert.Equal([newer, older], before);
        Assert.Equal([older, newer], after);
    }

    [Fact]
    public async Task SummaryWithoutALastChange_KeepsTheOneTheDeskHas_AndTheListSurvivesTheDesksReactivation()
    {
        var desk = cluster.Desk(NewDeskName("reload"));
        var changedAt = cluster.Clock.GetUtcNow();
        var id = NewDraftId();
        await desk.DraftCreated(new DraftSummary(id, "Stored", changedAt, "Rosa Reporter", []));

        // What a draft reloaded from a snapshot sends: it no longer knows its last change.
        await desk.DraftChanged(new DraftSummary(id, "Stored, then edited", null, null, [DraftEditorBadge.For(Eddie.UserName, Eddie.DisplayName)]));
        var changed = await Eventually.Until(
            async () => (await desk.GetDrafts()).Drafts.Single(), d => d.Headline == "Stored, then edited", _wait, "the change");
        await cluster.Deactivate(desk);
        var reloaded = (await desk.GetDrafts()).Drafts.Single();

        Assert.Equal((changedAt, "Rosa Reporter", 1), (changed.LastChangedAt, changed.LastChangedBy, changed.Editors.Count));
        Assert.Equal((id, "Stored, then edited", changedAt, "Rosa Reporter"), (reloaded.Id, reloaded.Headline, reloaded.LastChangedAt, reloaded.LastChangedBy));
        // Who is in a draft is presence: never stored, so a reloaded desk lists nobody.
        Assert.Empty(reloaded.Editors);
    }

    [Fact]
    public async Task ARowLeftBehind_ByAStepTheDeskNeverHeardOf_IsSetRightWhenTheDraftLoadsAgain()
    {
        var reporter = new DraftUser("rosa", "Rosa Reporter", [NewsroomRoles.Reporter]);
        var (id, draft) = await cluster.CreateDraft("Polls close at ten", reporter);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Submit, null), reporter);
        var inReview = await Eventually.Until(
            async () => (await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id), d => d.Status == DraftStatus.InReview, _wait, "the submission on the desk");

        // What a silo stopping between storing the step and telling the desk leaves: the row as it was before. The
        // call is one-way, so the row is read back until it shows.
        await cluster.Desk().DraftChanged(inReview with { Status = DraftStatus.Draft });
        var behind = await Eventually.Until(
            async () => (await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id), d => d.Status == DraftStatus.Draft, _wait, "the row left behind");
        await cluster.Deactivate(draft);
        await draft.Exists();
        var reloaded = await Eventually.Until(
            async () => (await cluster.Desk().GetDrafts()).Drafts.Single(d => d.Id == id), d => d.Status == DraftStatus.InReview, _wait, "the row set right");

        Assert.Equal(inReview.LastChangedAt, behind.LastChangedAt);
        Assert.Equal(("Polls close at ten", "Rosa Reporter", inReview.LastChangedAt), (reloaded.Headline, reloaded.LastChangedBy, reloaded.LastChangedAt));
    }

    [Fact]
    public async Task ASummaryTheDeskAlreadyHas_IsNotAnnouncedAgain_ButANewEditorIs()
    {
        var desk = cluster.Desk(NewDeskName("quiet"));
        var id = NewDraftId();
        var summary = new DraftSummary(id, "Turnout by noon", cluster.Clock.GetUtcNow(), "Rosa Reporter", []);
        await desk.DraftCreated(summary);
        var announced = (await desk.GetDrafts()).Version;

        // What every load of an unchanged draft sends, then a join. DraftChanged is one-way, and Orleans does not
        // promise one-way calls arrive in order; DraftCreated takes the same path and is awaited, so it stands in.
        await desk.DraftCreated(summary);
        await desk.DraftCreated(summary with { LastChangedAt = null, LastChangedBy = null });
        var unchanged = (await desk.GetDrafts()).Version;
        await desk.DraftCreated(summary with { Editors = [DraftEditorBadge.For(Eddie.UserName, Eddie.DisplayName)] });
        var joined = await desk.GetDrafts();

        Assert.Equal(announced, unchanged);
        Assert.Single(joined.Drafts.Single().Editors);
        Assert.Equal(announced + 1, joined.Version);
    }

    private async Task<string[]> Order(string first, string second) =>
        [.. (await cluster.Desk().GetDrafts()).Drafts.Select(d => d.Id).Where(d => d == first || d == second)];
}
