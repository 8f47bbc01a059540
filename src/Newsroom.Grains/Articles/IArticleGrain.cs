using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Articles;

/// <summary>
/// One published story (key: its slug) and every version of it; live on channel <c>article:{slug}</c>, which readers
/// may listen to. Refusals throw <see cref="ArticleException"/>.
/// </summary>
[Alias("newsroom.article")]
public interface IArticleGrain : IChannelOwner
{
    /// <summary>The story as readers see it now, or null if nothing was ever published under this slug.</summary>
    [Alias("get")]
    Task<ArticleView?> Get();

    /// <summary>A published version by number (1 is the first), or null.</summary>
    [Alias("get-version")]
    Task<ArticleVersion?> GetVersion(int number);

    /// <summary>
    /// Stores the next version and tells open readers and the story index. Refused when the slug belongs to another
    /// draft's story, or the headline or body is empty.
    /// </summary>
    [Alias("publish")]
    Task<ArticleView> Publish(ArticlePublication publication);

    /// <summary>Takes the story down with a note readers see; the versions stay stored.</summary>
    [Alias("withdraw")]
    Task<ArticleView> Withdraw(string note, string by);
}
