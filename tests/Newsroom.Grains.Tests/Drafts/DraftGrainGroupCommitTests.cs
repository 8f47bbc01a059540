using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Cluster.GrainCluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// Group commit: one append in flight per draft; whatever is accepted meanwhile, in any field, is
/// sequenced at once and written as the next batch, which becomes visible in one piece, in batch order.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DraftGrainGroupCommitTests(GrainCluster cluster)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PushesArrivingWhileAnAppendIsInFlight_GoIntoOneNextBatch_PublishedUnderItsVersion()
    {
        var (id, draft) = await cluster.CreateDraft();
        await using var relay = await cluster.Listen(ChannelName.Draft(id));
        var hold = cluster.Logs.HoldNextAppend(id);

        var first = draft.Push(DraftField.Headline, 0, [Append("a", 0, "A")], Rosa);
        await hold.Reached.WaitAsync(_wait, "the first append to begin");
        // Made at version 0 while "A" is accepted but not yet durable: rebased over it all the same.
        var second = draft.Push(DraftField.Headline, 0, [Append("b", 0, "B")], Eddie);
        var third = draft.Push(DraftField.Standfirst, 0, [Append("c", 0, "C")], Eddie);
        await DraftAccepted.WaitForLength(draft, DraftField.Headline, 2);
        await DraftAccepted.WaitForLength(draft, DraftField.Standfirst, 1);
        hold.Release();
        var versions = await Task.WhenAll(first, second, third);
        var heard = await relay.WaitUntil(h => h.Count >= 3, "three events");

        var batches = cluster.Logs.Batches(id);
        Assert.Equal([1L, 2L], batches.Select(b => b.Sequence));
        Assert.Equal(["a"], batches[0].Updates.Select(u => u.ClientId));
        Assert.Equal(["b", "c"], batches[1].Updates.Select(u => u.ClientId).Order());
        Assert.Equal([1, 2, 1], versions.Select(v => v.Version));
        // One event per field and batch, each under the channel's next version. Two events of one batch may reach an
        // observer in either order (seen here: the standfirst's first); clients order them by version.
        Assert.Equal([1L, 2L, 3L], heard.Select(h => h.Version).Order());
        Assert.Equal(
            ["1 headline from 0: a", "2 headline from 1: b", "3 standfirst from 0: c"],
            heard.Select(h => h.Event is DraftUpdatesCommitted u
                ? $"{h.Version} {u.Field} from {u.FromVersion}: {string.Join(",", u.Updates.Select(x => x.ClientId))}"
                : $"{h.Version} {h.Event}").Order(StringComparer.Ordinal));
        Assert.Equal("AB", (await draft.Open("reader", Rosa)).Text(DraftField.Headline));
    }

    [Fact]
    public async Task ASnapshotBeingStored_HoldsUpNoPush_AndTheDraftReloadsFromIt()
    {
        var (id, draft) = await cluster.CreateDraft();
        var hold = cluster.Logs.HoldNextSnapshot(id);
        // Enough updates for the draft's periodic snapshot, in pushes of the most one may carry.
        var (length, version) = (0, 0);
        while (cluster.Logs.Batches(id).Sum(b => b.Updates.Count) < new DraftOptions().SnapshotEvery)
        {
            var updates = Enumerable.Range(length, DraftLimits.MaxUpdatesPerPush).Select(at => Append("a", at, "x")).ToList();
            version = (await draft.Push(DraftField.Body, version, updates, Rosa)).Version;
            length += updates.Count;
        }

        await hold.Reached.WaitAsync(_wait, "the snapshot to begin");
        var whileStoring = await draft.Push(DraftField.Body, version, [Append("b", length, "!")], Eddie).WaitAsync(_wait);

        Assert.Equal(version + 1, whileStoring.Version);
        Assert.Equal(0, cluster.Logs.Snapshots(id));
        Assert.Equal(["b"], cluster.Logs.Batches(id)[^1].Updates.Select(u => u.ClientId));
        hold.Release();
        await Eventually.Until(() => Task.FromResult(cluster.Logs.Snapshots(id)), n => n == 1, _wait, "the snapshot to be stored");
        await cluster.Deactivate(draft);
        var reloaded = await draft.Open("reader", Rosa);
        Assert.Equal((version + 1, new string('x', length) + "!"), (reloaded.Version(DraftField.Body), reloaded.Text(DraftField.Body)));
    }

    [Fact]
    public async Task FailedAppend_IsAnsweredBusy_ToEveryPushWaitingOnIt_AndTheReloadedDraftKeepsTheResentEditsOnce()
    {
        var (id, draft) = await cluster.CreateDraft();
        await draft.Push(DraftField.Headline, 0, [Append("a", 0, "Kept. ")], Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));
        var hold = cluster.Logs.HoldNextAppend(id);

        var lost = Append("a", 6, "Lost?");
        var waiting = Insert("b", 6, 0, "> ");
        var inFlight = draft.Push(DraftField.Headline, 1, [lost], Rosa);
        await hold.Reached.WaitAsync(_wait, "the append to begin");
        var next = draft.Push(DraftField.Headline, 1, [waiting], Eddie);
        await DraftAccepted.WaitForLength(draft, DraftField.Headline, 13);
        hold.Fail(new IOException("Storage went away."));
        var refused = await Assert.ThrowsAsync<StorageBusyException>(() => inFlight.WaitAsync(_wait));
        var refusedNext = await Assert.ThrowsAsync<StorageBusyException>(() => next.WaitAsync(_wait));

        // The activation goes and the next one reloads from the log; editors resend what was not confirmed.
        var resent = await Eventually.Until(
            () => Resend(draft.Push(DraftField.Headline, 1, [lost], Rosa)), r => r is not null, _wait, "the reloaded draft to take the resend");
        var resentTwice = await draft.Push(DraftField.Headline, 1, [lost], Rosa);
        await draft.Push(DraftField.Headline, 1, [waiting], Eddie);

        var expected = $"Storing draft {id} failed, so these changes were not saved yet; send them again.";
        Assert.Equal((expected, expected), (refused.Message, refusedNext.Message));
        Assert.Equal((2, 2), (resent!.Version, resentTwice.Version));
        Assert.Equal("> Kept. Lost?", (await draft.Open("reader", Rosa)).Text(DraftField.Headline));
        Assert.Equal(["a", "a", "b"], cluster.Logs.Batches(id).SelectMany(b => b.Updates).Select(u => u.ClientId));
        Assert.DoesNotContain(relay.All, h => h.Event is DraftUpdatesCommitted { FromVersion: 1, Updates.Count: 2 });
    }

    // A push refused because the broken activation is still going away; anything else is a failure.
    private static async Task<PushResult?> Resend(Task<PushResult> push)
    {
        try
        {
            return await push;
        }
        catch (StorageBusyException e) when (e.Message.Contains("is reloading after a storage error", StringComparison.Ordinal))
        {
            return null;
        }
    }
}
