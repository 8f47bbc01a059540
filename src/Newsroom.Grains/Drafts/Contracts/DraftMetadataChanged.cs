using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

[GenerateSerializer, Immutable, Alias("newsroom.draft-metadata-changed")]
public sealed record DraftMetadataChanged(
    [property: Id(0)] DraftMetadata Metadata,
    [property: Id(1)] string ChangedBy) : NewsroomEvent;
