using Newsroom.Core.Changes;
using Newsroom.Core.Collab;

namespace Newsroom.Testing;

/// <summary>
/// One collaborative text as a browser editor holds it: the client half of <c>@codemirror/collab</c>.
/// Local changes queue as unconfirmed updates (<c>sendableUpdates</c>); <see cref="Receive"/> is collab's
/// <c>receiveUpdates</c> without effects: own updates are recognised by client id, in order, and the
/// unconfirmed rest is rebased over everyone else's. Not thread-safe; <see cref="DraftEditorClient"/> locks.
/// </summary>
public sealed class CollabDocument(string clientId, string doc, int version)
{
    private List<CollabUpdate> _unconfirmed = [];

    public string ClientId { get; } = clientId;

    public string Doc { get; private set; } = doc;

    /// <summary>The document at <see cref="Version"/>: what the server has confirmed, without local changes.</summary>
    public string SyncedDoc { get; private set; } = doc;

    /// <summary>collab's <c>getSyncedVersion</c>: how many log updates this document has seen.</summary>
    public int Version { get; private set; } = version;

    /// <summary>collab's <c>sendableUpdates</c>.</summary>
    public IReadOnlyList<CollabUpdate> Unconfirmed => _unconfirmed;

    /// <summary>Applies a local edit, as a transaction in the editor would; an empty one is not recorded, as in collab.</summary>
    public ChangeSet Edit(IEnumerable<ChangeSpec> specs)
    {
        var changes = ChangeSet.Of(specs, Doc.Length);
        Doc = changes.Apply(Doc);
        if (!changes.IsEmpty)
        {
            _unconfirmed.Add(new CollabUpdate(changes, ClientId));
        }

        return changes;
    }

    /// <summary>
    /// Applies updates that start at <paramref name="fromVersion"/>, skipping those already seen. Returns false,
    /// changing nothing, when they start after <see cref="Version"/>: a gap, which the caller fills by pulling.
    /// </summary>
    public bool Receive(int fromVersion, IReadOnlyList<CollabUpdate> updates)
    {
        if (fromVersion > Version)
        {
            return false;
        }

        // One update at a time, as the server rebases (see SequentialRebase in Newsroom.Core): receiveUpdates
        // over a batch maps local changes over the batch's composition, which can order an insertion
        // differently than mapping over each update in turn, and the editors would drift apart.
        for (var i = Version - fromVersion; i < updates.Count; i++)
        {
            ReceiveUpdates([updates[i]]);
        }

        return true;
    }

    private void ReceiveUpdates(IReadOnlyList<CollabUpdate> updates)
    {
        Version += updates.Count;
        foreach (var update in updates)
        {
            SyncedDoc = update.Changes.Apply(SyncedDoc);
        }

        ChangeSet? changes = null;
        var own = 0;
        foreach (var update in updates)
        {
            var ours = own < _unconfirmed.Count ? _unconfirmed[own] : null;
            if (ours is not null && ours.ClientId == update.ClientId)
            {
                // Our own update, confirmed: the document has it already, so the others' changes gathered so
                // far move over it instead.
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
