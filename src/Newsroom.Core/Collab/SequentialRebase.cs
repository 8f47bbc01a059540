using Newsroom.Core.Changes;

namespace Newsroom.Core.Collab;

/// <summary>
/// The server's rebase of a late push, done one accepted update at a time: exactly what the client does
/// when it receives those updates one at a time (collab's <c>receiveUpdates</c> with one update per call),
/// so the server's copy of each rebased update is the client's own, character for character.
/// </summary>
/// <remarks>
/// collab's <c>rebaseUpdates</c> maps over the composition of everything since the push's version, and the
/// client over whatever batches it happened to receive. Those differ: mapping over a composition is not
/// mapping over its parts in turn (an insertion next to a deletion and an insertion composes into one
/// replacement, and an insertion at a replacement's start goes before it, while at a pure insertion's
/// position the earlier insertion goes first). A seeded model and the convergence tests diverged within a
/// few hundred edits until both sides stepped one update at a time.
/// </remarks>
public static class SequentialRebase
{
    /// <summary>
    /// Returns what to append for <paramref name="pushed"/> (one client's chain, oldest first, against the
    /// document that <paramref name="over"/> starts from): those already in <paramref name="over"/> (matched
    /// by client id, in order) dropped, the rest moved over the others' updates.
    /// </summary>
    public static IReadOnlyList<CollabUpdate> UpdatesToAppend(IReadOnlyList<CollabUpdate> over, IReadOnlyList<CollabUpdate> pushed)
    {
        ArgumentNullException.ThrowIfNull(over);
        ArgumentNullException.ThrowIfNull(pushed);
        var pending = new List<CollabUpdate>(pushed);
        var first = 0;
        foreach (var update in over)
        {
            if (first == pending.Count)
            {
                break;
            }

            if (pending[first].ClientId == update.ClientId)
            {
                // The client's own update, already accepted: the client confirms it without mapping anything.
                first++;
                continue;
            }

            ChangeDesc changes = update.Changes;
            for (var i = first; i < pending.Count; i++)
            {
                var mine = pending[i];
                pending[i] = new CollabUpdate(mine.Changes.Map(changes), mine.ClientId);
                // Moved past this one for the next; after the last nothing needs it (most pushes hold one update).
                if (i + 1 < pending.Count)
                {
                    changes = changes.MapDesc(mine.Changes, before: true);
                }
            }
        }

        return first == 0 ? pending : pending.GetRange(first, pending.Count - first);
    }
}
