using Newsroom.Core.Changes;
using Newsroom.Core.Collab;

namespace Newsroom.Testing;

/// <summary>
/// One collaborative text as a browser editor holds it: the client half of <c>@codemirror/collab</c>.
/// Local changes queue as unconfirmed updates (<c>sendableUpdates</c>); <see cref="ReceiveBatch"/> is collab's
/// <c>receiveUpdates</c> without effects: own updates are recognised by client id, in order, and the
/// unconfirmed rest is rebased over everyone else's. Not thread-safe; <see cref="DraftEditorClient"/> locks.
/// </summary>
/// <remarks>
/// Both texts are held in chunks (<see cref="CollabText"/>), as CodeMirror's are trees: a load generator holding
/// hundreds of these must not copy a large part of a document per received keystroke, or it measures itself instead
/// of the server.
/// </remarks>
public sealed class CollabDocument(string clientId, string doc, int version = 0)
{
    private readonly CollabText _doc = new(doc);
    private readonly CollabText _synced = new(doc);
    private List<CollabUpdate> _unconfirmed = [];

    public string ClientId { get; } = clientId;

    public string Doc => _doc.ToString();

    public int Length => _doc.Length;

    /// <summary>The document at <see cref="Version"/>: what the server has confirmed, without local changes.</summary>
    public string SyncedDoc => _synced.ToString();

    /// <summary>collab's <c>getSyncedVersion</c>: how many log updates this document has seen.</summary>
    public int Version { get; private set; } = version;

    /// <summary>collab's <c>sendableUpdates</c>.</summary>
    public IReadOnlyList<CollabUpdate> Unconfirmed => _unconfirmed;

    /// <summary>Where <paramref name="value"/> first occurs in the document at or after <paramref name="startIndex"/>, or -1.</summary>
    public int IndexOf(string value, int startIndex = 0) => _doc.IndexOf(value, startIndex);

    /// <summary>Applies a local edit, as a transaction in the editor would; an empty one is not recorded, as in collab.</summary>
    public ChangeSet Edit(IEnumerable<ChangeSpec> specs)
    {
        var changes = ChangeSet.Of(specs, _doc.Length);
        _doc.Apply(changes);
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
            ReceiveBatch([updates[i]]);
        }

        return true;
    }

    /// <summary>collab's <c>receiveUpdates</c>: the next <paramref name="updates"/> of the log, as one batch.</summary>
    public void ReceiveBatch(IReadOnlyList<CollabUpdate> updates)
    {
        Version += updates.Count;
        foreach (var update in updates)
        {
            _synced.Apply(update.Changes);
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

        _doc.Apply(changes);
    }
}
