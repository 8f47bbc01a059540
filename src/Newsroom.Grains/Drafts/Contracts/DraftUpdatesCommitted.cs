using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Updates of one field that just became durable, starting after <see cref="FromVersion"/>. A client whose
/// version is not <see cref="FromVersion"/> missed something and pulls instead of applying these.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-updates-committed")]
public sealed record DraftUpdatesCommitted(
    [property: Id(0)] string Field,
    [property: Id(1)] int FromVersion,
    [property: Id(2)] IReadOnlyList<DraftUpdate> Updates) : NewsroomEvent;
