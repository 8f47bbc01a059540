using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Desk;

/// <summary>A draft was created, changed, or someone joined or left it: its whole summary as it now stands.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.desk-draft-changed")]
public sealed record DeskDraftChanged([property: Id(0)] DraftSummary Draft) : NewsroomEvent;
