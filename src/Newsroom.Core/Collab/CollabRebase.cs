using Newsroom.Core.Changes;

namespace Newsroom.Core.Collab;

/// <summary>The server-side rebase of <c>@codemirror/collab</c> (<c>rebaseUpdates</c>).</summary>
public static class CollabRebase
{
    /// <summary>
    /// Rebases and deduplicates <paramref name="updates"/>, which a client submitted with an
    /// out-of-date version number. <paramref name="over"/> must hold the updates that were accepted
    /// since that version, in log order (only their change descriptions and client IDs are used).
    /// Returns the updates that, firstly, have those that were already accepted filtered out, and
    /// secondly, have been moved over the other changes so that they apply to the current document.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Already-accepted updates are recognised as collab recognises them: walking <paramref name="over"/>
    /// in order, each entry whose client ID equals that of the next not-yet-matched entry of
    /// <paramref name="updates"/> is taken to be that update. This is only sound when all of
    /// <paramref name="updates"/> come from one client, the log never drops, reorders or merges that
    /// client's updates, and <paramref name="updates"/> is that client's unconfirmed list, oldest first.
    /// </para>
    /// <para>
    /// Like collab, this returns <paramref name="updates"/> itself when either list is empty, and an
    /// update that becomes empty after the rebase is kept: the client counts its own updates in the log.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">The change lengths do not line up (see <see cref="ChangeSet.Map"/>).</exception>
    public static IReadOnlyList<CollabUpdate> RebaseUpdates(IReadOnlyList<CollabUpdate> updates, IReadOnlyList<CollabUpdate> over)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(over);
        if (over.Count == 0 || updates.Count == 0)
        {
            return updates;
        }

        // `changes` accumulates the other clients' accepted changes, kept in the coordinates that the
        // not-yet-matched rest of `updates` starts from.
        ChangeDesc? changes = null;
        var skip = 0;
        foreach (var update in over)
        {
            var other = skip < updates.Count ? updates[skip] : null;
            if (other is not null && other.ClientId == update.ClientId)
            {
                changes = changes?.MapDesc(other.Changes, before: true);
                skip++;
            }
            else
            {
                changes = changes is null ? update.Changes : changes.ComposeDesc(update.Changes);
            }
        }

        if (changes is null)
        {
            return skip == 0 ? updates : Slice(updates, skip);
        }

        var result = new CollabUpdate[updates.Count - skip];
        for (var i = 0; i < result.Length; i++)
        {
            var update = updates[skip + i];
            var updateChanges = update.Changes.Map(changes);
            changes = changes.MapDesc(update.Changes, before: true);
            result[i] = new CollabUpdate(updateChanges, update.ClientId);
        }

        return result;
    }

    private static CollabUpdate[] Slice(IReadOnlyList<CollabUpdate> updates, int skip)
    {
        var rest = new CollabUpdate[updates.Count - skip];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = updates[skip + i];
        }

        return rest;
    }
}
