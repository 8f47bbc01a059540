using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;

namespace Newsroom.Testing;

/// <summary>
/// Pushes straight through the hub, each as soon as the last is durable, without waiting for its event as an editor
/// does: several commits of one field inside a few milliseconds, for tests of what the relay sends together.
/// </summary>
public static class QuickPushes
{
    /// <summary>Appends one character per push to <paramref name="field"/>, which is at <paramref name="version"/> and as long; returns the new version.</summary>
    public static async Task<int> AppendAsync(HubConnection connection, string draftId, string field, int version, int count, char character = '+')
    {
        for (var i = 0; i < count; i++)
        {
            var changes = ChangeSet.Of(new ChangeSpec(version, Insert: character.ToString()), version).ToJson();
            await connection.InvokeAsync("PushUpdates", draftId, field, version, new[] { new WireUpdate($"quick-{version}", changes) });
            version++;
        }

        return version;
    }
}
