using Newsroom.Grains.Realtime;
using Orleans.Concurrency;

namespace Newsroom.Grains.Desk;

/// <summary>
/// A desk (politics, world, the whole newsroom): its staff bulletins and its drafts, live on channel
/// <c>desk:{name}</c>. Every draft reports to the desk named <see cref="Newsroom"/>.
/// </summary>
[Alias("newsroom.desk")]
public interface IDeskGrain : IChannelOwner
{
    const string Newsroom = "newsroom";

    /// <summary>Posts a bulletin; throws <see cref="ArgumentException"/> for empty or over-long text.</summary>
    [Alias("post-bulletin")]
    Task<DeskBulletin> PostBulletin(string author, string text);

    [Alias("get-bulletins")]
    Task<DeskSnapshot> GetBulletins();

    [Alias("get-drafts")]
    Task<DeskDrafts> GetDrafts();

    /// <summary>Lists a new draft; awaited, so the draft is listed by the time its creation returns.</summary>
    [Alias("draft-created")]
    Task DraftCreated(DraftSummary draft);

    /// <summary>
    /// Replaces a draft's summary. One-way: drafts call it from their commit path and must not wait on the
    /// desk. A summary without a last change (a draft reloaded from a snapshot) keeps the one the desk has.
    /// </summary>
    [OneWay, Alias("draft-changed")]
    Task DraftChanged(DraftSummary draft);
}
