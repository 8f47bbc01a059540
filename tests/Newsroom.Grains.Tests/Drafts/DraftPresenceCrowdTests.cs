using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Cluster.GrainCluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// Presence in O(N): a crowd's joins, moves and leaves are told in one message per interval, a heartbeat that moves
/// nothing is not told at all, a view lists only the most recently active, and a follower is never listed.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DraftPresenceCrowdTests(GrainCluster cluster)
{
    [Fact]
    public async Task ACrowdJoiningAtOnce_IsToldInOneMessage_CarryingEveryJoinAndTheCount()
    {
        var (id, draft) = await cluster.CreateDraft("Election night");
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        // Nobody's clock moves while they join, so all of it falls in one interval.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => draft.Open($"crowd-{i:D3}", i % 2 == 0 ? Rosa : Eddie)));
        await draft.Leave("crowd-007");
        var told = await cluster.Told(
            relay, m => m.Sum(e => e.Editors.Count) >= 199 && m.Any(e => e.Left.Count > 0), "the crowd and the one who left");

        var message = Assert.Single(told);
        Assert.Equal(199, message.Editors.Count);
        Assert.DoesNotContain("crowd-007", message.Editors.Select(e => e.ConnectionId));
        Assert.Equal(["crowd-007"], message.Left);
        Assert.Equal(199, message.Present);
    }

    [Fact]
    public async Task AHeartbeatThatMovesNothing_IsToldToNobody_WhileARealMoveIs()
    {
        var (id, draft) = await cluster.CreateDraft("Quiet carets");
        await draft.Push(DraftField.Body, 0, [Append("writer", 0, "abcdef")], Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));
        await draft.Open("watcher", Rosa);
        await draft.UpdatePresence("typist", Eddie, new DraftCursor("body", 3, 3, Version: 1));
        await cluster.ToldOf(relay, "typist");
        var heardBefore = relay.Events<DraftPresenceChanges>().Count;

        // The typist types at the caret (v2) and someone else types before it (v3): both carry the caret along as
        // every client maps it, so the heartbeats that report it there, and the same one again, tell nothing new.
        await draft.Push(DraftField.Body, 1, [Insert("typist-body", 6, 3, "x")], Eddie);
        await draft.Push(DraftField.Body, 2, [Insert("writer", 7, 0, "YZ")], Rosa);
        await draft.UpdatePresence("typist", Eddie, new DraftCursor("body", 4, 4, Version: 2));
        await draft.UpdatePresence("typist", Eddie, new DraftCursor("body", 6, 6, Version: 3));
        await draft.UpdatePresence("typist", Eddie, new DraftCursor("body", 6, 6, Version: 3));
        for (var i = 0; i < 5; i++)
        {
            cluster.Clock.Advance(PresenceMessages.Interval);
        }

        await draft.UpdatePresence("typist", Eddie, new DraftCursor("body", 0, 2, Version: 3));
        var moved = await cluster.ToldOf(relay, "typist", e => e.Head == 2);
        var told = relay.Events<DraftPresenceChanges>().Skip(heardBefore).ToList();

        Assert.Equal((0, 2, 3), (moved.Anchor, moved.Head, moved.Version));
        Assert.Equal(["typist"], told.SelectMany(m => m.Event.Editors).Select(e => e.ConnectionId));
    }

    [Fact]
    public async Task AViewListsTheFiftyMostRecentlyActive_AndCountsEveryone()
    {
        var (_, draft) = await cluster.CreateDraft("Crowded");
        for (var i = 0; i < 60; i++)
        {
            await draft.Open($"early-{i:D2}", i % 2 == 0 ? Rosa : Eddie);
        }

        // The first to come is the last to have moved: listed again.
        await draft.UpdatePresence("early-00", Rosa, new DraftCursor("headline", 1, 1));
        var view = await draft.Open("newcomer", Eddie);

        Assert.Equal(DraftLimits.MaxEditorsInView, view.Editors.Count);
        Assert.Equal(61, view.Present);
        Assert.Equal(["newcomer", "early-00", "early-59"], view.Editors.Take(3).Select(e => e.ConnectionId));
        Assert.DoesNotContain("early-01", view.Editors.Select(e => e.ConnectionId));
    }

    [Fact]
    public async Task SomeoneWhoOnlyFollows_SeesTheDraftAndWhoIsThere_WithoutBeingListed()
    {
        var (id, draft) = await cluster.CreateDraft("Followed");
        await draft.Open("reporter", Rosa);
        await draft.Push(DraftField.Body, 0, [Append("reporter-body", 0, "Polls close at eight.")], Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        var followed = await draft.Watch();
        await draft.Open("editor", Eddie);
        var told = await cluster.Told(relay, m => m.Count > 0, "the editor's join");
        var editorsView = await draft.Open("editor", Eddie);

        Assert.Equal("Polls close at eight.", followed.Text(DraftField.Body));
        Assert.Equal(["reporter"], followed.Editors.Select(e => e.ConnectionId));
        Assert.Equal(1, followed.Present);
        Assert.Equal(2, told.Single().Present);
        Assert.Equal(["editor", "reporter"], editorsView.Editors.Select(e => e.ConnectionId).Order(StringComparer.Ordinal));
    }
}
