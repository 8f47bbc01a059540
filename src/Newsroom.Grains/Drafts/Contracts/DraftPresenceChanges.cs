using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Every presence change in a draft over one short interval, in one message: the connections that joined or moved
/// their cursor (as they are now), the ones that left, went away or fell silent, and how many are present after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-presence-changes")]
public sealed record DraftPresenceChanges(
    [property: Id(0)] IReadOnlyList<DraftEditorPresence> Editors,
    [property: Id(1)] IReadOnlyList<string> Left,
    [property: Id(2)] int Present) : NewsroomEvent;
