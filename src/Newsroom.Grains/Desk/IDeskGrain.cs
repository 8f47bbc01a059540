using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Desk;

/// <summary>
/// A desk (politics, world, the whole newsroom): its staff bulletins, live on channel <c>desk:{name}</c>.
/// </summary>
[Alias("newsroom.desk")]
public interface IDeskGrain : IChannelSource
{
    /// <summary>Posts a bulletin; throws <see cref="ArgumentException"/> for empty or over-long text.</summary>
    [Alias("post-bulletin")]
    Task<DeskBulletin> PostBulletin(string author, string text);

    [Alias("get-bulletins")]
    Task<DeskSnapshot> GetBulletins();
}
