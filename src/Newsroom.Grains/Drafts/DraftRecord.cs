namespace Newsroom.Grains.Drafts;

/// <summary>
/// The draft's existence and its place in the editorial workflow, in table grain storage. The texts and metadata live
/// in the draft log; this small record is what tells a draft that was created from an id nobody used.
/// </summary>
[GenerateSerializer, Alias("newsroom.draft-record")]
public sealed class DraftRecord
{
    [Id(0)] public bool Exists { get; set; }

    [Id(1)] public string CreatedBy { get; set; } = "";

    [Id(2)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Status, assignment and every step taken: a step's note is a sentence, so hundreds fit a table row.</summary>
    [Id(3)] public DraftWorkflow? Workflow { get; set; }

    /// <summary>The body version the story was last published from, so the next version's change is the edits since.</summary>
    [Id(4)] public int PublishedBodyVersion { get; set; }
}
