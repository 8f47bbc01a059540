using System.Text.Json;
using Newsroom.Grains.Drafts;

namespace Newsroom.Server.Drafts;

/// <summary>
/// Reads a push's <c>[{ clientId, changes }]</c>, keeping each change set as its JSON text for the grain to parse and
/// hold to the limits (<see cref="DraftLimits"/>). Taken as raw JSON rather than bound, so a wrong shape gets a reason
/// instead of SignalR's bare "error binding arguments".
/// </summary>
public static class PushedJson
{
    /// <exception cref="DraftException">The push is not an array of <c>{ clientId, changes }</c>.</exception>
    public static DraftUpdate[] Read(JsonElement updates)
    {
        if (updates.ValueKind != JsonValueKind.Array)
        {
            throw new DraftException("A push needs an array of updates, each { clientId, changes }.");
        }

        var result = new DraftUpdate[updates.GetArrayLength()];
        var i = 0;
        foreach (var update in updates.EnumerateArray())
        {
            if (update.ValueKind != JsonValueKind.Object
                || !update.TryGetProperty("clientId", out var clientId) || clientId.ValueKind != JsonValueKind.String
                || !update.TryGetProperty("changes", out var changes))
            {
                throw new DraftException($"Update {i} must be {{ clientId: string, changes: ChangeSet JSON }}.");
            }

            result[i++] = new DraftUpdate(clientId.GetString()!, changes.GetRawText());
        }

        return result;
    }
}
