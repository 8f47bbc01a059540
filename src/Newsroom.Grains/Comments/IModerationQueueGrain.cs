using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Comments;

/// <summary>
/// The moderators' queue for the whole newsroom (key: <see cref="Newsroom"/>): every comment held or reported under
/// any story, one entry each, so the queue page never visits the threads. Comment threads keep it current; it is
/// live on channel <c>moderation:{queue}</c>, which only staff may listen to.
/// </summary>
[Alias("newsroom.moderation-queue")]
public interface IModerationQueueGrain : IChannelOwner
{
    const string Newsroom = "newsroom";

    /// <summary>How many entries a page holds at most.</summary>
    const int MaxPageSize = 200;

    /// <summary>
    /// What the queue should show for one comment: <paramref name="entry"/>, or nothing once it no longer waits
    /// (<paramref name="decision"/> says why, when a moderator decided). Idempotent: saying it twice changes nothing.
    /// </summary>
    [Alias("update")]
    Task Update(string slug, long commentId, ModerationEntry? entry, CommentDecision? decision);

    /// <summary>Everything that waits under one story, replacing what the queue had for it.</summary>
    [Alias("reconcile")]
    Task Reconcile(string slug, IReadOnlyList<ModerationEntry> entries);

    /// <summary>Entries longest waiting first, after <paramref name="cursor"/> (a page's <see cref="ModerationQueuePage.NextCursor"/>).</summary>
    [Alias("list")]
    Task<ModerationQueuePage> List(ModerationQueueFilter filter, int max, string? cursor);
}
