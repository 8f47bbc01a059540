using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Cluster.GrainCluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// Who is in a draft, per connection: a badge (name, initials, a colour of their own), a cursor moved to the
/// version everyone has, gone when the connection leaves or falls silent; memory only, never stored.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DraftGrainPresenceTests(GrainCluster cluster)
{
    [Fact]
    public async Task JoiningEditor_IsShownToOthers_WithNameInitialsAndColour()
    {
        var (id, draft) = await cluster.CreateDraft("Who is here");
        await draft.Open("rosa-1", Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        var view = await draft.Open("eddie-1", Eddie);
        var joined = await cluster.ToldOf(relay, "eddie-1");

        Assert.Equal(("eddie-1", "Eddie Editor", "EE"), (joined.ConnectionId, joined.DisplayName, joined.Initials));
        Assert.Matches("^#[0-9a-f]{6}$", joined.Colour);
        Assert.Null(joined.Field);
        // The newcomer's view lists who was there already, and itself.
        Assert.Equal(["eddie-1", "rosa-1"], view.Editors.Select(e => e.ConnectionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TwoPeopleInOneDraft_WearDifferentColours_AndASecondTabKeepsItsPersonsColour()
    {
        // Rosa's and Eddie's names hash to the same colour of the palette.
        var (_, shared) = await cluster.CreateDraft("Colours");
        var (_, rosaAlone) = await cluster.CreateDraft("Rosa alone");
        var (_, eddieAlone) = await cluster.CreateDraft("Eddie alone");
        await shared.Open("rosa-first", Rosa);
        await shared.Open("eddie-first", Eddie);
        var colours = (await shared.Open("rosa-second-tab", Rosa)).Editors.ToDictionary(e => e.ConnectionId, e => e.Colour);
        var own = (await rosaAlone.Open("rosa-elsewhere", Rosa)).Editors.Single().Colour;
        var eddiesOwn = (await eddieAlone.Open("eddie-elsewhere", Eddie)).Editors.Single().Colour;

        Assert.Equal(own, eddiesOwn);
        Assert.Equal(own, colours["rosa-first"]);
        Assert.NotEqual(own, colours["eddie-first"]);
        Assert.Equal(own, colours["rosa-second-tab"]);
    }

    [Fact]
    public async Task CursorsAndSelections_AreRelayed_ClampedToTheDocument_AndBadOnesRefused()
    {
        var (id, draft) = await cluster.CreateDraft("Cursor");
        await draft.Open("mover", Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        await draft.UpdatePresence("mover", Rosa, new DraftCursor("headline", 1, 4));
        var selection = await cluster.ToldOf(relay, "mover", e => e.Field == "headline");
        await draft.UpdatePresence("mover", Rosa, new DraftCursor("body", 0, 99));
        var clamped = await cluster.ToldOf(relay, "mover", e => e.Field == "body");
        var negative = await Assert.ThrowsAsync<DraftException>(() => draft.UpdatePresence("mover", Rosa, new DraftCursor("body", -1, 0)));
        var unknown = await Assert.ThrowsAsync<DraftException>(() => draft.UpdatePresence("mover", Rosa, new DraftCursor("caption", 0, 0)));

        Assert.Equal(("mover", 1, 4), (selection.ConnectionId, selection.Anchor, selection.Head));
        Assert.Equal((0, 0), (clamped.Anchor, clamped.Head));
        Assert.Equal("Cursor positions may not be negative; got anchor -1, head 0.", negative.Message);
        Assert.Equal("Field 'caption' is unknown; expected headline, standfirst or body.", unknown.Message);
        Assert.Equal(("body", 0, 0), (await draft.Open("reader", Rosa)).Editors.Where(e => e.ConnectionId == "mover").Select(e => (e.Field, e.Anchor, e.Head)).Single());
    }

    [Fact]
    public async Task CursorSentAtAnOlderVersion_IsMovedThroughTheUpdatesAfterIt()
    {
        var (id, draft) = await cluster.CreateDraft("Moving caret");
        await draft.Push(DraftField.Body, 0, [Append("writer", 0, "abc")], Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        // The mover selected "bc" at version 1; meanwhile "XY" went in before it (version 2).
        await draft.Push(DraftField.Body, 1, [Insert("writer", 3, 0, "XY")], Rosa);
        await draft.UpdatePresence("mover", Eddie, new DraftCursor("body", 1, 3, Version: 1));
        var moved = await cluster.ToldOf(relay, "mover", e => e.Field == "body");
        await draft.UpdatePresence("mover", Eddie, new DraftCursor("body", 1, 4, Version: 99));
        var unknownVersion = await cluster.ToldOf(relay, "mover", e => e.Head != 5);
        var listed = (await draft.Open("latecomer", Rosa)).Editors.Single(e => e.ConnectionId == "mover");
        var negative = await Assert.ThrowsAsync<DraftException>(() => draft.UpdatePresence("mover", Eddie, new DraftCursor("body", 0, 0, Version: -1)));

        Assert.Equal((3, 5, 2), (moved.Anchor, moved.Head, moved.Version));
        // A version the grain cannot map from is only clamped.
        Assert.Equal((1, 4), (unknownVersion.Anchor, unknownVersion.Head));
        Assert.Equal((1, 4, 2), (listed.Anchor, listed.Head, listed.Version));
        Assert.Equal("A cursor's version may not be negative; got -1.", negative.Message);
    }

    [Fact]
    public async Task Leave_RemovesThePresence_AndTellsTheOthers()
    {
        var (id, draft) = await cluster.CreateDraft("Leaving politely");
        await draft.Open("stays", Rosa);
        await draft.Open("leaves", Eddie);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        await draft.Leave("leaves");
        var told = await cluster.Told(relay, m => m.Any(e => e.Left.Count > 0), "the leaving");

        Assert.Equal(["leaves"], told.SelectMany(m => m.Left));
        Assert.Equal(1, told.Last().Present);
        Assert.Equal(["reader", "stays"], (await draft.Open("reader", Rosa)).Editors.Select(e => e.ConnectionId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SilentConnection_ExpiresAfterThePresenceExpiry_WhileOneThatSendsHeartbeatsStays()
    {
        var (id, draft) = await cluster.CreateDraft("Quiet");
        await draft.Open("silent", Rosa);
        await draft.Open("typing", Eddie);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));
        var heartbeat = new DraftCursor("body", 0, 0);

        // The typing connection's heartbeats keep it; the silent one must go once 30 s pass without a word.
        await Eventually.Until(
            async () =>
            {
                await draft.UpdatePresence("typing", Eddie, heartbeat);
                cluster.Clock.Advance(TimeSpan.FromSeconds(10));
                return relay.Events<DraftPresenceChanges>().SelectMany(e => e.Event.Left).ToList();
            },
            left => left.Count > 0,
            TimeSpan.FromSeconds(10),
            "the silent connection to expire");
        var present = (await draft.Open("reader", Rosa)).Editors.Select(e => e.ConnectionId).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["silent"], relay.Events<DraftPresenceChanges>().SelectMany(e => e.Event.Left));
        Assert.Equal(["reader", "typing"], present);
    }

    [Fact]
    public async Task Presence_IsNeverStored_SoAReactivatedDraftListsOnlyWhoCameSince()
    {
        var (_, draft) = await cluster.CreateDraft("Restarted");
        await draft.Open("before", Rosa);
        await draft.UpdatePresence("before", Rosa, new DraftCursor("headline", 0, 3));
        await draft.Push(DraftField.Body, 0, [Append("a", 0, "Stored text")], Rosa);

        await cluster.Deactivate(draft);
        var view = await draft.Open("after", Eddie);

        Assert.Equal(["after"], view.Editors.Select(e => e.ConnectionId));
        Assert.Equal("Stored text", view.Text(DraftField.Body));
    }
}
