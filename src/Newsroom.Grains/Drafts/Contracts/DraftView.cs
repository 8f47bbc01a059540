namespace Newsroom.Grains.Drafts;

/// <summary>
/// What an editor loads: every field at its durable version, the metadata, who is in the draft now, the latest
/// durable batch (<see cref="Sequence"/>), and where the draft stands in the editorial workflow. <see cref="Editors"/> lists
/// at most <see cref="DraftLimits.MaxEditorsInView"/> of them, the most recently active first; <see cref="Present"/> counts all.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-view")]
public sealed record DraftView(
    [property: Id(0)] string Id,
    [property: Id(1)] DraftFieldsView Fields,
    [property: Id(2)] DraftMetadata Metadata,
    [property: Id(3)] string CreatedBy,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] IReadOnlyList<DraftEditorPresence> Editors,
    [property: Id(6)] long Sequence,
    [property: Id(7)] DraftWorkflow Workflow,
    [property: Id(8)] int Present);
