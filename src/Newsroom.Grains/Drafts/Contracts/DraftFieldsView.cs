namespace Newsroom.Grains.Drafts;

[GenerateSerializer, Immutable, Alias("newsroom.draft-fields-view")]
public sealed record DraftFieldsView(
    [property: Id(0)] DraftFieldView Headline,
    [property: Id(1)] DraftFieldView Standfirst,
    [property: Id(2)] DraftFieldView Body);
