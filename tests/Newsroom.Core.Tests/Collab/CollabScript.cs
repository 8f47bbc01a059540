using Newsroom.Core.Changes;
using Newsroom.Core.Tests.Changes;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Core.Tests.Collab;

/// <summary>
/// Scripted collab sessions in the style of codemirror's test-rebasing-collab.ts: peers type, send
/// and receive in a given order against an <see cref="InMemoryAuthority"/>; at the end everyone sends,
/// everyone receives, and all documents must equal the authority's.
/// </summary>
internal static class CollabScript
{
    public abstract record Event(string Peer);

    public sealed record TypeEvent(string Peer, string Text, int? At, int? To) : Event(Peer);

    /// <summary>Random changes against the peer's document as it is when the event runs.</summary>
    public sealed record RandomChangesEvent(string Peer, Random Random, int Count) : Event(Peer)
    {
        public List<ChangeSpec> Made { get; } = [];

        public override string ToString() => $"changes({Peer}: {string.Join(", ", Made)})";
    }

    public sealed record SendEvent(string Peer) : Event(Peer);

    public sealed record ReceiveEvent(string Peer) : Event(Peer);

    /// <summary>Types <paramref name="text"/> over <paramref name="at"/>..<paramref name="to"/>; at the end of the document when <paramref name="at"/> is null.</summary>
    public static Event Type(string peer, string text, int? at = null, int? to = null) => new TypeEvent(peer, text, at, to);

    public static Event Send(string peer) => new SendEvent(peer);

    public static Event Receive(string peer) => new ReceiveEvent(peer);

    /// <summary>Runs the script and returns the converged document, after checking every peer has it.</summary>
    public static string Run(string doc, IEnumerable<Event> events, InMemoryAuthority? authority = null)
    {
        authority ??= new InMemoryAuthority(doc);
        var peers = new Dictionary<string, CollabDocument>();
        CollabDocument PeerOf(string id) => peers.TryGetValue(id, out var peer) ? peer : peers[id] = new CollabDocument(id, doc);

        foreach (var e in events)
        {
            var peer = PeerOf(e.Peer);
            switch (e)
            {
                case TypeEvent type:
                    peer.Edit([new ChangeSpec(type.At ?? peer.Doc.Length, type.To, type.Text)]);
                    break;
                case RandomChangesEvent random:
                    var specs = RandomChanges.Specs(random.Random, peer.Doc.Length, random.Count);
                    random.Made.AddRange(specs);
                    peer.Edit(specs);
                    break;
                case SendEvent:
                    authority.Send(peer);
                    break;
                case ReceiveEvent:
                    authority.Receive(peer);
                    break;
            }
        }

        foreach (var peer in peers.Values)
        {
            authority.Send(peer);
        }

        foreach (var peer in peers.Values)
        {
            authority.Receive(peer);
            Assert.True(peer.Doc == authority.Doc, $"[{peer.ClientId}] has \"{peer.Doc}\", the authority \"{authority.Doc}\"");
            Assert.Empty(peer.Unconfirmed);
            Assert.Equal(authority.Log.Count, peer.Version);
        }

        return authority.Doc;
    }
}
