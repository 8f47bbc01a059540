namespace Newsroom.Grains.Desk;

[GenerateSerializer, Alias("newsroom.desk-state")]
public sealed class DeskState
{
    /// <summary>Bulletins ever posted; also the channel version, so it survives restarts.</summary>
    [Id(0)] public long Posted { get; set; }

    [Id(1)] public List<DeskBulletin> Recent { get; set; } = [];
}
