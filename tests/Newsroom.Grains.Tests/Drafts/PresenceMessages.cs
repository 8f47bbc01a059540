using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// Presence is told once per <see cref="DraftOptions.PresenceInterval"/>, on the draft's timer, which runs on the
/// cluster's fake clock: these move the clock on an interval at a time until the relay has heard what is awaited.
/// </summary>
internal static class PresenceMessages
{
    public static readonly TimeSpan Interval = new DraftOptions().PresenceInterval;

    /// <summary>Every presence message heard, once <paramref name="done"/> accepts them.</summary>
    public static Task<IReadOnlyList<DraftPresenceChanges>> Told(
        this GrainCluster cluster, RecordingRelay relay, Func<IReadOnlyList<DraftPresenceChanges>, bool> done, string what) =>
        Eventually.Until(
            () =>
            {
                cluster.Clock.Advance(Interval);
                return Task.FromResult<IReadOnlyList<DraftPresenceChanges>>([.. relay.Events<DraftPresenceChanges>().Select(e => e.Event)]);
            },
            done,
            TimeSpan.FromSeconds(10),
            what);

    /// <summary>The latest state told of <paramref name="connectionId"/> once <paramref name="match"/> accepts it.</summary>
    public static async Task<DraftEditorPresence> ToldOf(
        this GrainCluster cluster, RecordingRelay relay, string connectionId, Func<DraftEditorPresence, bool>? match = null)
    {
        var told = await cluster.Told(
            relay,
            messages => messages.SelectMany(m => m.Editors).Any(e => e.ConnectionId == connectionId && (match?.Invoke(e) ?? true)),
            $"presence of {connectionId}");
        return told.SelectMany(m => m.Editors).Last(e => e.ConnectionId == connectionId && (match?.Invoke(e) ?? true));
    }
}
