using Newsroom.Core.Changes;
using Newsroom.Core.Collab;

namespace Newsroom.Core.Tests.Collab;

/// <summary>
/// An editor running the client half of @codemirror/collab: local changes queue as unconfirmed
/// updates, and <see cref="Receive"/> is a port of collab's <c>receiveUpdates</c> (without effects).
/// </summary>
internal sealed class CollabPeer(string clientId, string doc, int version = 0)
{
    private List<CollabUpdate> _unconfirmed = [];

    public string ClientId { get; } = clientId;

    public string Doc { get; private set; } = doc;

    /// <summary>How many log updates this peer has seen.</summary>
    public int Version { get; private set; } = version;

    public IReadOnlyList<CollabUpdate> Unconfirmed => _unconfirmed;

    public void Type(IEnumerable<ChangeSpec> specs)
    {
        var changes = ChangeSet.Of(specs, Doc.Length);
        Doc = changes.Apply(Doc);

        // collab only records transactions that change something.
        if (!changes.IsEmpty)
        {
            _unconfirmed.Add(new CollabUpdate(changes, ClientId));
        }
    }

    public void Receive(IReadOnlyList<CollabUpdate> updates)
    {
        Version += updates.Count;
        ChangeSet? changes = null;
        var own = 0;
        foreach (var update in updates)
        {
            var ours = own < _unconfirmed.Count ? _unconfirmed[own] : null;
            if (ours is not null && ours.ClientId == update.ClientId)
            {
                // Our own update, confirmed: the doc has it already, so remote changes gathered so far
                // move over it instead.
                changes = changes?.Map(ours.Changes, before: true);
                own++;
            }
            else
            {
                changes = changes is null ? update.Changes : changes.Compose(update.Changes);
            }
        }

        _unconfirmed = _unconfirmed[own..];
        if (changes is null)
        {
            return;
        }

        for (var i = 0; i < _unconfirmed.Count; i++)
        {
            var update = _unconfirmed[i];
            _unconfirmed[i] = update with { Changes = update.Changes.Map(changes) };
            changes = changes.Map(update.Changes, before: true);
        }

        Doc = changes.Apply(Doc);
    }
}
