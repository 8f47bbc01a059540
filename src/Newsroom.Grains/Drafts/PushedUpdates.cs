using Newsroom.Core.Changes;
using Newsroom.Core.Collab;

namespace Newsroom.Grains.Drafts;

/// <summary>Reads a push's updates within the per-push limits of <see cref="DraftLimits"/>.</summary>
internal static class PushedUpdates
{
    /// <exception cref="DraftException">Too many updates or too much JSON, a missing client id, or JSON that is not a change set.</exception>
    public static CollabUpdate[] Parse(IReadOnlyList<DraftUpdate>? updates)
    {
        if (updates is null || updates.Count == 0)
        {
            throw new DraftException("A push needs at least one update.");
        }

        if (updates.Count > DraftLimits.MaxUpdatesPerPush)
        {
            throw new DraftException($"A push may hold at most {DraftLimits.MaxUpdatesPerPush} updates; got {updates.Count}.");
        }

        long jsonLength = 0;
        var parsed = new CollabUpdate[updates.Count];
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i] ?? throw new DraftException($"Update {i} is missing.");
            if (string.IsNullOrEmpty(update.ClientId) || update.ClientId.Length > DraftLimits.MaxClientIdLength)
            {
                throw new DraftException($"Update {i} needs a client id of 1 to {DraftLimits.MaxClientIdLength} characters.");
            }

            jsonLength += update.ChangesJson?.Length ?? 0;
            if (jsonLength > DraftLimits.MaxPushJsonLength)
            {
                throw new DraftException(
                    $"A push may hold at most {DraftLimits.MaxPushJsonLength} characters of change JSON; this one has more by update {i}.");
            }

            try
            {
                parsed[i] = new CollabUpdate(ChangeSet.FromJson(update.ChangesJson ?? ""), update.ClientId);
            }
            catch (ChangeSetFormatException e)
            {
                throw new DraftException($"Update {i} is not a change set: {e.Message}");
            }
        }

        return parsed;
    }
}
