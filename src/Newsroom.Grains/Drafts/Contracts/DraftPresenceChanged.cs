using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

/// <summary>An editor joined the draft or moved their cursor.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-presence-changed")]
public sealed record DraftPresenceChanged([property: Id(0)] DraftEditorPresence Editor) : NewsroomEvent;
