namespace Newsroom.Grains.Desk;

[GenerateSerializer, Alias("newsroom.desk-state")]
public sealed class DeskState
{
    /// <summary>Bulletins ever posted: the next bulletin's number less one.</summary>
    [Id(0)] public long Posted { get; set; }

    [Id(1)] public List<DeskBulletin> Recent { get; set; } = [];

    /// <summary>
    /// The channel version as last stored. Events that change nothing stored (someone joining a draft) count
    /// in memory only, so after a restart a browser may see the version step back; it then reloads, as on any gap.
    /// </summary>
    [Id(2)] public long Version { get; set; }

    /// <summary>Drafts by id, without their editors (presence is never stored).</summary>
    [Id(3)] public Dictionary<string, DraftSummary> Drafts { get; set; } = [];
}
