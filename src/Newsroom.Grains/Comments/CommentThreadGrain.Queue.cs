using Microsoft.Extensions.Logging;
using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments;

/// <summary>
/// How a thread keeps the newsroom's moderation queue (<see cref="IModerationQueueGrain"/>) current. A comment waits
/// for a moderator while it is held (pending), or while it is published and has reports newer than the last decision
/// on it (a decision at the same instant as a report settles it). After its own write succeeded, the thread tells the
/// queue what it should now show for that comment; the thread's answer never depends on the queue. Should the call
/// fail, the thread marks the queue behind and sends everything that waits under its story instead
/// (<see cref="IModerationQueueGrain.Reconcile"/>): at once with the next change, and every <see cref="QueueRetry"/>
/// while it stays active. It reconciles on every activation too, which also covers a silo lost between a write and
/// its call: the queue is right again once anyone opens the story's comments.
/// </summary>
public sealed partial class CommentThreadGrain
{
    /// <summary>How often a thread whose call to the moderation queue failed tries again while it is active.</summary>
    public static readonly TimeSpan QueueRetry = TimeSpan.FromSeconds(5);

    private bool _queueBehind;
    private IGrainTimer? _queueTimer;

    private IModerationQueueGrain ModerationQueue => GrainFactory.GetGrain<IModerationQueueGrain>(IModerationQueueGrain.Newsroom);

    /// <summary>Tells the queue what it should show for one comment, after the thread stored it. Never throws.</summary>
    private async Task TellQueue(long commentId, CommentDecision? decision = null)
    {
        if (_queueBehind)
        {
            await CatchUpQueue();
            return;
        }

        try
        {
            await ModerationQueue.Update(Slug, commentId, QueueEntry(commentId), decision);
        }
        catch (Exception failed)
        {
            _logger.LogWarning(failed, "Comments on '{Slug}': telling the moderation queue about comment {Id} failed; it will be reconciled", Slug, commentId);
            QueueFellBehind();
        }
    }

    /// <summary>Sends the queue everything that waits under this story. Never throws; a failure is retried.</summary>
    private async Task CatchUpQueue()
    {
        try
        {
            await ModerationQueue.Reconcile(Slug, QueueEntries());
            _queueBehind = false;
            _queueTimer?.Dispose();
            _queueTimer = null;
        }
        catch (Exception failed)
        {
            _logger.LogWarning(failed, "Comments on '{Slug}': reconciling the moderation queue failed; trying again in {Retry}", Slug, QueueRetry);
            QueueFellBehind();
        }
    }

    private void QueueFellBehind()
    {
        _queueBehind = true;
        _queueTimer ??= this.RegisterGrainTimer(_ => CatchUpQueue(), new GrainTimerCreationOptions(QueueRetry, QueueRetry));
    }

    private List<ModerationEntry> QueueEntries() =>
    [
        .. _thread.AwaitingModeration(int.MaxValue).Select(c => c.Id)
            .Concat(_reports.Keys)
            .Distinct()
            .Select(QueueEntry)
            .OfType<ModerationEntry>(),
    ];

    /// <summary>What the moderation queue shows for this comment, or null when it waits for no one.</summary>
    private ModerationEntry? QueueEntry(long commentId)
    {
        if (_thread.Find(commentId) is not { } comment)
        {
            return null;
        }

        if (comment.Status == CommentStatus.Pending)
        {
            return QueueEntry(comment, [], comment.EditedAt ?? comment.PostedAt);
        }

        var reports = comment.Status == CommentStatus.Published ? ReportsSinceLastDecision(commentId) : [];
        return reports.Count == 0 ? null : QueueEntry(comment, reports, reports.Min(r => r.At));
    }

    private List<CommentReport> ReportsSinceLastDecision(long commentId)
    {
        if (!_reports.TryGetValue(commentId, out var reports))
        {
            return [];
        }

        var decided = _decisions.FindLast(d => d.CommentId == commentId)?.At;
        return decided is { } at ? reports.FindAll(r => r.At > at) : reports;
    }

    private ModerationEntry QueueEntry(Comment comment, List<CommentReport> reports, DateTimeOffset since)
    {
        var held = comment.Status == CommentStatus.Pending;
        var text = comment.MentionPrefix + comment.Text;
        var excerpt = text;
        if (text.Length > ModerationEntry.ExcerptLength)
        {
            var cut = ModerationEntry.ExcerptLength - 1;
            cut -= char.IsHighSurrogate(text[cut - 1]) ? 1 : 0;
            excerpt = text[..cut].TrimEnd() + "…";
        }

        // The author's record under this story: the thread knows no other story's (the rules use the same history).
        var record = _thread.HistoryOf(comment.Author.Id, int.MaxValue);
        return new ModerationEntry(
            Slug, comment.Id, comment.Author.DisplayName, comment.Author.IsStaff, excerpt, CommentHtml.Render(excerpt).Html, comment.Status,
            held ? comment.HeldBy : ModerationRule.None, held ? comment.HoldReason : null, reports.Count,
            [.. reports.OrderByDescending(r => r.At).Take(ModerationEntry.ShownReasons).Select(r => r.Reason)],
            comment.PostedAt, since, record.ApprovedCount, record.Recent.Count(c => c.Status is CommentStatus.Rejected or CommentStatus.Removed));
    }
}
