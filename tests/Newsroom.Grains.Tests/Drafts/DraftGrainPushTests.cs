using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Cluster.GrainCluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// The draft grain as the one sequencer: late pushes are rebased, never refused (one that would cost more rebasing than
/// the limit is answered with the version, and its client catches up and sends it again); updates already accepted are
/// recognised by client id and dropped; nothing is visible before it is durable.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DraftGrainPushTests(GrainCluster cluster)
{
    public static TheoryData<string, DraftField, int, DraftUpdate[], string> BadPushes => new()
    {
        // what, field, base version, updates, reason; the body is "Hello" at version 1.
        { "length that does not fit", DraftField.Body, 1, [new("c", """[6,[0,"x"]]""")], "Update 0 applies to a document of length 6, but the body at version 1 has length 5." },
        { "broken chain", DraftField.Body, 1, [Append("c", 5, "x"), Append("c", 5, "y")], "Update 1 applies to a document of length 5, but update 0 leaves length 6." },
        { "two clients", DraftField.Body, 1, [Append("c", 5, "x"), Append("d", 6, "y")], "Update 1 comes from client 'd', update 0 from 'c'; a push holds one client's updates." },
        { "base version from the future", DraftField.Body, 2, [Append("c", 5, "x")], "Base version 2 is out of range: the body is at version 1." },
        { "negative base version", DraftField.Body, -1, [Append("c", 5, "x")], "Base version -1 is out of range: the body is at version 1." },
        { "no updates", DraftField.Body, 1, [], "A push needs at least one update." },
        { "missing client id", DraftField.Body, 1, [Append("", 5, "x")], "Update 0 needs a client id of 1 to 64 characters." },
        { "not a change set", DraftField.Body, 1, [new("c", """{"keep":5}""")], "Update 0 is not a change set" },
        { "headline over its limit", DraftField.Headline, 0, [Append("c", 0, new string('h', 1001))], "The headline may be at most 1000 characters long; this push would make it 1001." },
    };

    [Theory]
    [MemberData(nameof(BadPushes))]
    public async Task BadPush_IsRefusedWithTheReason_AndChangesNothing(string what, DraftField field, int baseVersion, DraftUpdate[] updates, string reason)
    {
        var (id, draft) = await cluster.CreateDraft();
        await draft.Push(DraftField.Body, 0, [Append("witness", 0, "Hello")], Eddie);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        var refused = await Assert.ThrowsAsync<DraftException>(() => draft.Push(field, baseVersion, updates, Rosa));
        // Anything the refused push had published would arrive before what the next one publishes.
        await draft.Push(DraftField.Body, 1, [Append("witness", 5, "!")], Eddie);
        await relay.WaitFor<DraftUpdatesCommitted>();
        var view = await draft.Open("reader", Rosa);

        Assert.StartsWith(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(["witness"], relay.Events<DraftUpdatesCommitted>().SelectMany(e => e.Event.Updates).Select(u => u.ClientId));
        Assert.Equal(("", "", "Hello!"), (view.Text(DraftField.Headline), view.Text(DraftField.Standfirst), view.Text(DraftField.Body)));
        Assert.True(cluster.Logs.Batches(id).Count == 2, $"{what}: a refused push must store nothing.");
    }

    [Fact]
    public async Task LatePush_IsRebased_AndAResendIsDroppedByClientId()
    {
        var (id, draft) = await cluster.CreateDraft();

        var first = await draft.Push(DraftField.Body, 0, [Insert("a", 0, 0, "world")], Rosa);
        // Made against version 0 by another editor: rebased over "world", not refused.
        var late = await draft.Push(DraftField.Body, 0, [Insert("b", 0, 0, "hello ")], Eddie);
        // "a" resends its update from version 0, as after a lost answer: dropped, not applied twice.
        var resend = await draft.Push(DraftField.Body, 0, [Insert("a", 0, 0, "world")], Rosa);
        var view = await draft.Open("reader", Rosa);

        Assert.Equal((1, 2, 2), (first.Version, late.Version, resend.Version));
        Assert.Equal((2, "worldhello "), (view.Version(DraftField.Body), view.Text(DraftField.Body)));
        Assert.Equal(["a", "b"], cluster.Logs.Batches(id).SelectMany(b => b.Updates).Select(u => u.ClientId));
    }

    [Fact]
    public async Task APushTooCostlyToRebaseWhole_HasItsOldestUpdatesTaken_AsManyAsFit_AndTheRestFromThere()
    {
        var (id, draft) = await cluster.CreateDraft();
        // 100 updates by one editor, one push each.
        for (var v = 0; v < 100; v++)
        {
            await draft.Push(DraftField.Body, v, [Append("fast", v, "x")], Rosa);
        }

        // Another made 30 against version 0: 100 × 30 steps of rebasing, over the limit; its first 20 are 2,000, under it.
        var slow = Enumerable.Range(0, 30).Select(i => Append("slow", i, "y")).ToArray();
        var answered = await draft.Push(DraftField.Body, 0, slow, Eddie);
        var taken = await draft.Open("reader", Rosa);
        // Having caught up, as the client does with the updates it receives, it sends the other 10 from version 120.
        var rest = Enumerable.Range(0, 10).Select(i => Append("slow", 120 + i, "y")).ToArray();
        var accepted = await draft.Push(DraftField.Body, 120, rest, Eddie);
        var view = await draft.Open("reader", Rosa);

        Assert.Equal(2_048, DraftLimits.MaxRebaseSteps);
        Assert.Equal(120, answered.Version);
        Assert.Equal((120, new string('x', 100) + new string('y', 20)), (taken.Fields.Body.Version, taken.Text(DraftField.Body)));
        Assert.Equal(130, accepted.Version);
        Assert.Equal(new string('x', 100) + new string('y', 30), view.Text(DraftField.Body));
        Assert.Equal(130, cluster.Logs.Batches(id).Sum(b => b.Updates.Count(u => u.Field == DraftField.Body)));
    }

    [Fact]
    public async Task APushSoLateThatNotOneUpdateFits_IsAnsweredWithTheVersion_AndStoresNothing()
    {
        var (id, draft) = await cluster.CreateDraft();
        // 2,100 updates since version 0, pushed a thousand at a time: rebasing even one update over them passes the limit.
        var version = 0;
        foreach (var count in new[] { 1000, 1000, 100 })
        {
            var chain = Enumerable.Range(version, count).Select(v => Append("fast", v, "x")).ToArray();
            version = (await draft.Push(DraftField.Body, version, chain, Rosa)).Version;
        }

        var answered = await draft.Push(DraftField.Body, 0, [Insert("late", 0, 0, "z")], Eddie);
        var view = await draft.Open("reader", Rosa);

        Assert.Equal((2_100, 2_100), (version, answered.Version));
        Assert.Equal(new string('x', 2_100), view.Text(DraftField.Body));
        Assert.Equal(2_100, cluster.Logs.Batches(id).Sum(b => b.Updates.Count(u => u.Field == DraftField.Body)));
    }

    [Fact]
    public async Task ResendWithNewUpdates_DropsTheAcceptedOnesInOrder_AndAppendsOnlyTheRest()
    {
        var (id, draft) = await cluster.CreateDraft();
        DraftUpdate[] typed = [Append("a", 0, "one"), Append("a", 3, " two"), Append("a", 7, " three")];
        await draft.Push(DraftField.Body, 0, typed[..2], Rosa);
        await draft.Push(DraftField.Body, 0, [Insert("b", 0, 0, ">")], Eddie);

        // The editor never heard back, kept typing, and sends everything unconfirmed from where it was.
        var result = await draft.Push(DraftField.Body, 0, typed, Rosa);
        var pulled = await draft.Pull(DraftField.Body, 0);

        Assert.Equal(4, result.Version);
        Assert.Equal(["a", "a", "b", "a"], pulled.Updates.Select(u => u.ClientId));
        // ">" was typed into the empty body, so it lands after what "a" had accepted before it, and " three" after it.
        Assert.Equal("one two> three", (await draft.Open("reader", Rosa)).Text(DraftField.Body));
        Assert.Equal(4, cluster.Logs.Batches(id).Sum(b => b.Updates.Count));
    }

    [Fact]
    public async Task PushedUpdates_AreInvisible_UntilTheirBatchIsDurable()
    {
        var (id, draft) = await cluster.CreateDraft();
        await using var relay = await cluster.Listen(ChannelName.Draft(id));
        var hold = cluster.Logs.HoldNextAppend(id);

        var push = draft.Push(DraftField.Body, 0, [Append("a", 0, "Not yet")], Rosa);
        await hold.Reached.WaitAsync(TimeSpan.FromSeconds(10));
        var whileWriting = await draft.Open("reader", Rosa);
        var pulledWhileWriting = await draft.Pull(DraftField.Body, 0);
        var heardWhileWriting = relay.Events<DraftUpdatesCommitted>();
        hold.Release();
        var result = await push;
        var committed = await relay.WaitFor<DraftUpdatesCommitted>();

        Assert.False(push.IsFaulted);
        Assert.Equal((0, ""), (whileWriting.Version(DraftField.Body), whileWriting.Text(DraftField.Body)));
        Assert.Empty(pulledWhileWriting.Updates);
        Assert.Empty(heardWhileWriting);
        Assert.Equal(1, result.Version);
        Assert.Equal(("body", 0, "a"), (committed.Field, committed.FromVersion, committed.Updates.Single().ClientId));
        Assert.Equal("Not yet", (await draft.Open("reader", Rosa)).Text(DraftField.Body));
    }

    [Fact]
    public async Task Deactivation_WritesASnapshot_TheDraftReloadsWhole_AndPushesFromBeforeItAreStillRebased()
    {
        var (id, draft) = await cluster.CreateDraft("Budget");
        await draft.Push(DraftField.Body, 0, [Append("a", 0, "Taxes rise.")], Rosa);
        await draft.SetMetadata(new DraftMetadataChange(Section: "Politics"), Rosa);

        await cluster.Deactivate(draft);
        var view = await draft.Open("reader", Rosa);
        // The window outlives the activation (read back from the log): an editor still at version 0 goes on.
        var late = await draft.Push(DraftField.Body, 0, [Insert("b", 0, 0, "Breaking: ")], Eddie);

        Assert.Equal(1, cluster.Logs.Snapshots(id));
        Assert.Equal((1, "Taxes rise."), (view.Version(DraftField.Body), view.Text(DraftField.Body)));
        Assert.Equal((1, "Budget"), (view.Version(DraftField.Headline), view.Text(DraftField.Headline)));
        Assert.Equal(("Politics", "rosa"), (view.Metadata.Section, view.CreatedBy));
        Assert.Equal(2, late.Version);
        // Both inserted at 0 of the empty body; the one accepted first stays first.
        Assert.Equal("Taxes rise.Breaking: ", (await draft.Open("reader", Rosa)).Text(DraftField.Body));
    }

    [Fact]
    public async Task Create_StoresTheHeadlineAsItsFirstUpdate_AndASecondCreateIsRefused()
    {
        var (id, draft) = await cluster.CreateDraft("Rates held", Eddie);

        var again = await Assert.ThrowsAsync<DraftException>(() => draft.Create(Rosa, "Other"));
        var view = await draft.Open("reader", Rosa);

        Assert.Equal($"Draft {id} already exists.", again.Message);
        Assert.Equal(("eddie", cluster.Clock.GetUtcNow()), (view.CreatedBy, view.CreatedAt));
        Assert.Equal((1, "Rates held"), (view.Version(DraftField.Headline), view.Text(DraftField.Headline)));
        Assert.Equal("server-create", (await draft.Pull(DraftField.Headline, 0)).Updates.Single().ClientId);
    }

    [Fact]
    public async Task DraftThatWasNeverCreated_RefusesEveryCall()
    {
        var id = NewDraftId();
        var draft = cluster.Draft(id);

        var push = await Assert.ThrowsAsync<DraftException>(() => draft.Push(DraftField.Body, 0, [Append("a", 0, "x")], Rosa));
        var open = await Assert.ThrowsAsync<DraftException>(() => draft.Open("reader", Rosa));
        var metadata = await Assert.ThrowsAsync<DraftException>(() => draft.SetMetadata(new DraftMetadataChange(Section: "World"), Rosa));

        Assert.All([push, open, metadata], e => Assert.Equal($"Draft {id} does not exist.", e.Message));
        Assert.Empty(cluster.Logs.Batches(id));
    }
}
