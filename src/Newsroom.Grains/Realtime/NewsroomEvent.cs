using System.Text.Json.Serialization;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// Something that happened on a channel, pushed live to browsers. Browsers tell the kinds apart by the
/// <c>type</c> field, so every kind is registered here with a stable name.
/// </summary>
[GenerateSerializer, Alias("newsroom.event")]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DeskBulletinPosted), "desk.bulletin-posted")]
[JsonDerivedType(typeof(DeskDraftChanged), "desk.draft-changed")]
[JsonDerivedType(typeof(DraftUpdatesCommitted), "draft.updates")]
[JsonDerivedType(typeof(DraftMetadataChanged), "draft.metadata")]
[JsonDerivedType(typeof(DraftPresenceChanged), "draft.presence")]
[JsonDerivedType(typeof(DraftPresenceLeft), "draft.presence-left")]
public abstract record NewsroomEvent;
