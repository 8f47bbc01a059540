using System.Globalization;
using System.Text.RegularExpressions;
using Newsroom.Grains.Drafts;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// What a draft grain has accepted but not yet written is visible nowhere, by design. One answer gives it
/// away: a push that would make a field too long is refused with the length the field would reach on top of
/// everything accepted so far, durable or not. Tests wait on that, because calls from one client may reach a
/// grain in any order, so answering a later call does not prove the earlier ones were sequenced.
/// </summary>
internal static partial class DraftAccepted
{
    private const string Probe = "probe";

    /// <summary>
    /// Waits until the grain has accepted updates that make <paramref name="field"/> (headline or standfirst,
    /// whose limits a probe can exceed) <paramref name="length"/> characters long. The field must have been
    /// empty at version 0. The probe itself is always refused, so it changes nothing.
    /// </summary>
    public static Task WaitForLength(IDraftGrain draft, DraftField field, int length)
    {
        var probe = DraftEdits.Insert(Probe, 0, 0, new string('p', DraftLimits.MaxLength(field) + 1));
        return Eventually.Until(
            async () =>
            {
                var refusal = await Assert.ThrowsAsync<DraftException>(() => draft.Push(field, 0, [probe], Cluster.GrainCluster.Rosa));
                var match = WouldMakeIt().Match(refusal.Message);
                Assert.True(match.Success, refusal.Message);
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) - (DraftLimits.MaxLength(field) + 1);
            },
            accepted => accepted == length,
            TimeSpan.FromSeconds(10),
            $"the {DraftFields.Name(field)} to be {length} characters long with what is accepted");
    }

    [GeneratedRegex("this push would make it ([0-9]+)")]
    private static partial Regex WouldMakeIt();
}
