using Newsroom.Core.Changes;
using Newsroom.Core.Collab;
using Newsroom.Core.Tests.Changes;
using Newsroom.Testing;
using Xunit;
using static Newsroom.Core.Tests.Collab.CollabScript;

namespace Newsroom.Core.Tests.Collab;

public sealed class RebaseTests
{
    private const int RandomSeed = 7_131;

    [Fact]
    public void Peers_Converge_ForSimpleCases() =>
        Assert.Equal("abcde", Run("bcd", [Type("a", "a", 0), Type("b", "e", 3), Send("a")]));

    [Fact]
    public void Peers_Converge_WithMultipleRebasedChanges() =>
        Assert.Equal("0abcde", Run("abc", [Type("a", "d", 3), Type("a", "e", 4), Type("b", "0", 0), Send("b"), Send("a")]));

    [Fact]
    public void Peers_Converge_WithMultiplePeerChanges() =>
        Assert.Equal("01abcde", Run("abc", [Type("a", "d", 3), Type("a", "e", 4), Type("b", "0", 0), Type("b", "1", 1), Send("b"), Send("a")]));

    [Fact]
    public void Peers_Converge_WithLocalUnconfirmedChanges() =>
        Assert.Equal("0xyz", Run("x", [Type("a", "y"), Type("b", "0", 0), Send("b"), Send("a"), Type("a", "z"), Receive("a")]));

    [Fact]
    public void Peers_Converge_WithMultipleLocalUnconfirmedChanges() =>
        Assert.Equal("!x01yz", Run("x", [
            Type("a", "y"), Type("b", "0", 1), Type("b", "1", 2), Send("b"), Send("a"), Type("a", "z"), Type("a", "!", 0), Receive("a"),
        ]));

    [Fact]
    public void Peers_Converge_WithLocalChangesSandwichedBetweenPeerChanges() =>
        Assert.Equal("UVW-XY!Z", Run("-", [
            Type("a", "X"), Type("a", "Y"), Type("b", "U", 0), Type("b", "V", 1), Send("b"), Send("a"), Receive("b"),
            Type("b", "W", 2), Type("b", "!", 6), Send("b"), Type("a", "Z"), Receive("a"),
        ]));

    [Fact]
    public void Peers_Converge_WithSeveralSetsOfLocalChangesInFlight() =>
        Assert.Equal("AB1XY2Z.3?", Run("123", [
            Type("a", "X", 1), Type("a", "Y", 2), Type("b", "A", 0), Type("b", "B", 1), Send("a"), Send("b"), Receive("b"),
            Type("a", "Z", 4), Type("a", ".", 5), Send("a"), Receive("b"), Type("b", "?"), Send("b"),
        ]));

    [Fact]
    public void Peers_Converge_WithTwoChangeSetsFromOneClientOnTopOfEachOther() =>
        Assert.Equal("ay?yyxde", Run("abcde", [Type("b", "x", 3), Send("b"), Type("a", "yyy", 1, 3), Send("a"), Type("a", "?", 2)]));

    [Fact]
    public void Peers_Converge_ForRandomSessions()
    {
        for (var i = 0; i < 100; i++)
        {
            var seed = RandomSeed + i;
            var random = new Random(seed);
            var doc = RandomChanges.Text(random, random.Next(i + 1) + 5);
            var events = RandomSession(random, i + 10);
            try
            {
                Run(doc, events);
            }
            catch (Exception e)
            {
                Assert.Fail($"Random session with seed {seed} failed: {e.Message}\nstart \"{doc}\", events: {string.Join(", ", events)}");
            }
        }
    }

    [Fact]
    public void UpdatesToAppend_DropsAResendOfAcceptedUpdates()
    {
        var authority = new InMemoryAuthority("abc");
        var a = new CollabDocument("a", "abc");
        var b = new CollabDocument("b", "abc");
        a.Edit([new ChangeSpec(3, Insert: "!")]);
        authority.Send(a);

        // a never hears the confirmation, types more and pushes everything again from version 0.
        b.Edit([new ChangeSpec(0, Insert: ">")]);
        authority.Send(b);
        a.Edit([new ChangeSpec(0, 1)]);
        var appended = authority.Push(a.Version, a.Unconfirmed);

        var only = Assert.Single(appended);
        Assert.Equal("a", only.ClientId);
        Assert.Equal(3, authority.Log.Count);
        Assert.Equal(">bc!", authority.Doc);
        authority.Receive(a);
        authority.Receive(b);
        Assert.Equal(authority.Doc, a.Doc);
        Assert.Equal(authority.Doc, b.Doc);
    }

    [Fact]
    public void UpdatesToAppend_DropsAllUpdatesWhenTheWholePushWasAccepted()
    {
        var first = Update("a", new ChangeSpec(0, Insert: "x"), 3);
        var second = Update("a", new ChangeSpec(4, Insert: "y"), 4);

        var rebased = SequentialRebase.UpdatesToAppend([first, second], [first, second]);

        Assert.Empty(rebased);
    }

    [Fact]
    public void UpdatesToAppend_ReturnsThePushAsItIs_WhenNothingWasAcceptedSince()
    {
        IReadOnlyList<CollabUpdate> updates = [Update("a", new ChangeSpec(0, Insert: "x"), 3), Update("a", new ChangeSpec(4, Insert: "y"), 4)];

        var appended = SequentialRebase.UpdatesToAppend([], updates);

        Assert.Equal(updates.Select(u => (u.ClientId, u.Changes)), appended.Select(u => (u.ClientId, u.Changes)));
    }

    [Fact]
    public void UpdatesToAppend_KeepsAnUpdateThatBecameEmpty()
    {
        // Both delete "b"; the second deletion is empty after the rebase but must still be logged,
        // because b counts its own updates in the log to confirm them.
        var authority = new InMemoryAuthority("abc");
        var a = new CollabDocument("a", "abc");
        var b = new CollabDocument("b", "abc");
        a.Edit([new ChangeSpec(1, 2)]);
        b.Edit([new ChangeSpec(1, 2)]);
        authority.Send(a);

        var appended = authority.Push(b.Version, b.Unconfirmed);

        Assert.True(Assert.Single(appended).Changes.IsEmpty);
        authority.Receive(b);
        Assert.Empty(b.Unconfirmed);
        Assert.Equal(2, b.Version);
        Assert.Equal("ac", b.Doc);
    }

    [Fact]
    public void UpdatesToAppend_RefusesAPushThatDoesNotStartWhereTheAcceptedUpdatesStart()
    {
        var accepted = Update("a", new ChangeSpec(0, Insert: "xy"), 3);
        var stale = Update("b", new ChangeSpec(0, Insert: "z"), 4);

        var error = Assert.Throws<ArgumentException>(() => SequentialRebase.UpdatesToAppend([accepted], [stale]));

        // The draft grain checks a push's lengths itself first and refuses it with its own reason (DraftGrainPushTests).
        Assert.StartsWith("Cannot map: this change applies to a document of length 4, the other to length 3.", error.Message);
    }

    private static CollabUpdate Update(string clientId, ChangeSpec spec, int length) => new(ChangeSet.Of(spec, length), clientId);

    private static List<Event> RandomSession(Random random, int count)
    {
        var peers = new[] { "a", "b", "c" };
        var events = new List<Event>();
        for (var j = 0; j < count; j++)
        {
            var peer = peers[random.Next(peers.Length)];
            var roll = random.Next(6);
            events.Add(roll < 4 ? new RandomChangesEvent(peer, random, 3) : roll == 4 ? Send(peer) : Receive(peer));
        }

        return events;
    }
}
