namespace Newsroom.Grains.Drafts;

/// <summary>
/// The draft's existence, in table grain storage: who created it and when. The texts and metadata live in the
/// draft log; this small record is what tells a draft that was created from an id nobody used.
/// </summary>
[GenerateSerializer, Alias("newsroom.draft-record")]
public sealed class DraftRecord
{
    [Id(0)] public bool Exists { get; set; }

    [Id(1)] public string CreatedBy { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
