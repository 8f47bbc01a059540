using Newsroom.Core.Changes;
using Newsroom.Core.Collab;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Core.Tests.Collab;

/// <summary>
/// The draft grain's rebase against the editors' client algorithm (<see cref="CollabDocument"/>, which
/// receives one update at a time as the browser does): random typing, late pushes, resends and deliveries in
/// random batch sizes always end with every editor holding the authority's text.
/// </summary>
public sealed class SequentialRebaseTests
{
    [Fact]
    public void ResendOfAcceptedUpdates_IsDropped_AndTheRestIsMovedOverOthers()
    {
        var alice = new CollabDocument("alice", "ab", 0);
        var bob = new CollabDocument("bob", "ab", 0);
        var log = new List<CollabUpdate>();
        alice.Edit([new ChangeSpec(0, Insert: "A")]);
        bob.Edit([new ChangeSpec(2, Insert: "B")]);

        log.AddRange(SequentialRebase.UpdatesToAppend([], alice.Unconfirmed));
        var bobs = SequentialRebase.UpdatesToAppend(log, bob.Unconfirmed);
        log.AddRange(bobs);
        var resend = SequentialRebase.UpdatesToAppend(log, alice.Unconfirmed);

        Assert.Empty(resend);
        Assert.Equal("AabB", Apply("ab", log));
        Assert.Equal("bob", Assert.Single(bobs).ClientId);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomEditorsAndAuthority_AlwaysConverge(int seed)
    {
        var random = new Random(seed);
        const string start = "Polls close at eight.\nCounting starts at nine.";
        var editors = Enumerable.Range(0, random.Next(2, 6)).Select(i => new CollabDocument($"e{i}", start, 0)).ToList();
        var log = new List<CollabUpdate>();

        for (var step = 0; step < 400; step++)
        {
            var editor = editors[random.Next(editors.Count)];
            switch (random.Next(3))
            {
                case 0:
                    editor.Edit(RandomEdit(random, editor.Doc));
                    break;
                case 1 when editor.Unconfirmed.Count > 0:
                    // A push against the editor's synced version; sometimes one it already made (a resend).
                    log.AddRange(SequentialRebase.UpdatesToAppend(log[editor.Version..], editor.Unconfirmed));
                    break;
                default:
                    Deliver(random, editor, log);
                    break;
            }
        }

        foreach (var editor in editors)
        {
            log.AddRange(SequentialRebase.UpdatesToAppend(log[editor.Version..], editor.Unconfirmed));
        }

        var text = Apply(start, log);
        foreach (var editor in editors)
        {
            while (editor.Version < log.Count)
            {
                Deliver(random, editor, log);
            }

            Assert.True(editor.Unconfirmed.Count == 0, $"seed {seed}: {editor.ClientId} still has unconfirmed updates");
            Assert.True(text == editor.Doc, $"seed {seed}: {editor.ClientId} has '{editor.Doc}', the authority '{text}'");
        }
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 300)];

    private static void Deliver(Random random, CollabDocument editor, List<CollabUpdate> log)
    {
        // A batch starting anywhere up to the editor's version, as events and pulls overlap in practice.
        var from = random.Next(Math.Max(0, editor.Version - 3), editor.Version + 1);
        var count = random.Next(0, log.Count - from + 1);
        Assert.True(editor.Receive(from, log.GetRange(from, count)));
    }

    private static ChangeSpec[] RandomEdit(Random random, string doc)
    {
        var from = random.Next(doc.Length + 1);
        var to = random.Next(3) == 0 ? Math.Min(doc.Length, from + random.Next(4)) : from;
        string[] inserts = ["x", "yy", "é", "😀", "\n", ""];
        return [new ChangeSpec(from, to, inserts[random.Next(inserts.Length)])];
    }

    private static string Apply(string doc, IEnumerable<CollabUpdate> updates) =>
        updates.Aggregate(doc, (text, update) => update.Changes.Apply(text));
}
