using Newsroom.Core.Collab;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Core.Tests.Collab;

/// <summary>
/// The central authority of the collab protocol, in memory: an update log and the document it produces. It
/// rebases as the draft grain does (<see cref="SequentialRebase"/>) and delivers updates one at a time, as the
/// grain's events reach browsers.
/// </summary>
internal sealed class InMemoryAuthority(string doc)
{
    private readonly List<CollabUpdate> _log = [];

    public string Doc { get; private set; } = doc;

    public IReadOnlyList<CollabUpdate> Log => _log;

    public IReadOnlyList<CollabUpdate> Push(int version, IReadOnlyList<CollabUpdate> updates)
    {
        var appended = SequentialRebase.UpdatesToAppend(_log[version..], updates);
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
            Assert.True(peer.Receive(peer.Version, Pull(peer.Version)));
        }
    }
}
