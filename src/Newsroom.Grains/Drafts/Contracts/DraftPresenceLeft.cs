using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

/// <summary>A connection left the draft, went away, or fell silent for longer than the presence expiry.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-presence-left")]
public sealed record DraftPresenceLeft([property: Id(0)] string ConnectionId) : NewsroomEvent;
