namespace Newsroom.Grains.Desk;

[GenerateSerializer, Alias("newsroom.desk-state")]
public sealed class DeskState
{
    /// <summary>Bulletins ever posted: the next bulletin's number less one.</summary>
    [Id(0)] public long Posted { get; set; }

    [Id(1)] public List<DeskBulletin> Recent { get; set; } = [];

    /// <summary>
    /// The channel version when a bulletin was last stored. Draft events (stored row by row in
    /// <see cref="IDeskDraftStore"/>, or not at all for presence) count in memory only, so after a restart a
    /// browser may see the version step back; it then reloads the list, as on any gap.
    /// </summary>
    [Id(2)] public long Version { get; set; }
}
