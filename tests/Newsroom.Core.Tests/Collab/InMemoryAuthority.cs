using Newsroom.Core.Collab;
using Newsroom.Testing;

namespace Newsroom.Core.Tests.Collab;

/// <summary>The central authority of the collab protocol, in memory: an update log and the document it produces.</summary>
internal sealed class InMemoryAuthority(string doc)
{
    private readonly List<CollabUpdate> _log = [];

    public string Doc { get; private set; } = doc;

    public IReadOnlyList<CollabUpdate> Log => _log;

    public IReadOnlyList<CollabUpdate> Push(int version, IReadOnlyList<CollabUpdate> updates)
    {
        var appended = CollabAuthority.UpdatesToAppend(_log[version..], updates, Doc.Length);
        foreach (var update in appended)
        {
            _log.Add(update);
            Doc = update.Changes.Apply(Doc);
        }

        return appended;
    }

    public IReadOnlyList<CollabUpdate> Pull(int version) => _log[version..];

    public void Send(CollabDocument peer) => Push(peer.Version, peer.Unconfirmed);

    public void Receive(CollabDocument peer)
    {
        if (peer.Version < _log.Count)
        {
            peer.ReceiveBatch(Pull(peer.Version));
        }
    }
}
