using Newsroom.Core.Comments;
using Newsroom.Grains.Comments.Storage;

namespace Newsroom.Grains.Comments;

public sealed partial class CommentThreadGrain
{
    /// <summary>The longest reason a moderator or a reporting reader may give.</summary>
    public const int MaxReasonLength = 1_000;

    public async Task Report(long commentId, string reporterId, string reason)
    {
        RequireId(reporterId, "reader");
        var why = (reason ?? "").Trim();
        if (why.Length is 0 or > MaxReasonLength)
        {
            throw new CommentException($"Say why you report this comment, in 1 to {MaxReasonLength} characters.");
        }

        if (_thread.Find(commentId) is not { Status: CommentStatus.Published })
        {
            throw new CommentException($"There is no published comment {commentId} under this story to report.");
        }

        var report = new CommentReport(commentId, reporterId, _clock.GetUtcNow(), why);
        await Commit(new CommentWrite(NextMeta(false)) { Discussion = DiscussionOf(commentId), Report = report });
        var reports = _reports.TryGetValue(commentId, out var list) ? list : _reports[commentId] = [];
        reports.RemoveAll(r => r.ReporterId == reporterId);
        reports.Add(report);
        await TellQueue(commentId);
    }

    public async Task<CommentItem> Moderate(long commentId, CommentModerationAction action, CommentModerator moderator, string? reason)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        RequireId(moderator.UserName, "moderator");
        var why = (reason ?? "").Trim();
        if (why.Length > MaxReasonLength)
        {
            throw new CommentException($"A moderator's reason may be at most {MaxReasonLength} characters long; this one has {why.Length}.");
        }

        if (action == CommentModerationAction.Ban)
        {
            return await BanAuthor(commentId, moderator, why);
        }

        var before = _thread.Find(commentId);
        var wasQueued = QueueEntry(commentId) is not null;
        var change = action switch
        {
            CommentModerationAction.Approve => _thread.Moderate(commentId, CommentStatus.Published),
            CommentModerationAction.Reject => _thread.Moderate(commentId, CommentStatus.Rejected),
            CommentModerationAction.Remove => _thread.Moderate(commentId, CommentStatus.Removed),
            CommentModerationAction.Feature => _thread.Feature(commentId, true),
            CommentModerationAction.Unfeature => _thread.Feature(commentId, false),
            _ => CommentChange.Refuse($"A moderator approves, rejects, removes, features or unfeatures; got {(int)action}."),
        };
        var comment = change.Comment ?? throw new CommentException(change.Refusal!);

        // Readers saw it before or see it now; a pending comment turned down was never on their pages.
        var seen = before!.Status == CommentStatus.Published || comment.Status == CommentStatus.Published;
        var decision = new CommentDecision(commentId, action, moderator.UserName, _clock.GetUtcNow(), why);
        var meta = NextMeta(seen) with { LastDecision = _meta.LastDecision + 1 };
        await Commit(new CommentWrite(meta) { Discussion = DiscussionOf(comment), Comments = [Stored(comment)], Decision = decision });
        _decisions.Add(decision);
        if (seen)
        {
            _channel.Publish(before.Status != CommentStatus.Published && comment.Status == CommentStatus.Published
                ? new CommentPublished(Item(comment, null), _thread.PublishedCount)
                : new CommentChanged(Item(comment, null), [], _thread.PublishedCount, comment.Featured && !before.Featured));
        }

        if (before.Status == CommentStatus.Pending && comment.Status == CommentStatus.Published)
        {
            NotifyVisible(comment);
        }

        if (wasQueued || QueueEntry(commentId) is not null)
        {
            await TellQueue(commentId, decision);
        }

        return Item(comment, null);
    }

    /// <summary>Bans the comment's author newsroom-wide (their guest id and email hash, or their account) and records it here.</summary>
    private async Task<CommentItem> BanAuthor(long commentId, CommentModerator moderator, string why)
    {
        var comment = _thread.Find(commentId) ?? throw new CommentException($"There is no comment {commentId} under this story.");
        var now = _clock.GetUtcNow();
        var wasQueued = QueueEntry(commentId) is not null;
        var author = comment.Author;
        await GrainFactory.GetGrain<ICommentBansGrain>(ICommentBansGrain.Newsroom).Ban(
            new CommentBan(author.Id, _emailHashes.GetValueOrDefault(commentId), author.DisplayName, author.IsStaff, moderator.UserName, now, why));
        var decision = new CommentDecision(commentId, CommentModerationAction.Ban, moderator.UserName, now, why);
        await Commit(new CommentWrite(NextMeta(false) with { LastDecision = _meta.LastDecision + 1 }) { Discussion = DiscussionOf(comment), Decision = decision });
        _decisions.Add(decision);
        if (wasQueued)
        {
            await TellQueue(commentId, decision);
        }

        return Item(comment, null);
    }

    public Task<CommentQueue> AwaitingModeration(int max)
    {
        max = Math.Clamp(max, 1, 500);
        var pending = _thread.AwaitingModeration(max).Select(Queued).ToList();
        var reported = _reports
            .Where(r => _thread.Find(r.Key) is { Status: CommentStatus.Published })
            .OrderByDescending(r => r.Value.Count)
            .ThenBy(r => r.Key)
            .Take(max)
            .Select(r => Queued(_thread.Find(r.Key)!))
            .ToList();
        return Task.FromResult(new CommentQueue(pending, _thread.AwaitingModerationCount, reported));
    }

    public Task<IReadOnlyList<CommentDecision>> DecisionsOn(long commentId) =>
        Task.FromResult<IReadOnlyList<CommentDecision>>([.. _decisions.Where(d => d.CommentId == commentId)]);

    public async Task<CommentSettingsView> GetSettings()
    {
        // Whether the thread is open depends on when the story was first published, which a thread no reader opened yet has not learned.
        await Refresh();
        return SettingsView();
    }

    public async Task<CommentSettingsView> SetSettings(CommentSettingsChange change, CommentModerator moderator)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(moderator);
        var overrides = change.ToCore();
        var problems = overrides.ApplyTo(_defaults).Validate();
        if (problems.Count > 0)
        {
            throw new CommentException(string.Join(" ", problems));
        }

        await Commit(new CommentWrite(NextMeta(false) with { Overrides = overrides }));
        await Refresh();
        return SettingsView();
    }

    private CommentSettingsView SettingsView()
    {
        var s = Settings;
        return new CommentSettingsView(
            s.Mode, s.Open, s.CloseAfterDays, s.MinLength, s.MaxLength, s.EditWindow, s.LinksBeforeHold, s.GuestApprovalsBeforeTrust,
            CommentSettingsChange.From(_meta.Overrides), OpeningNow());
    }

    private QueuedComment Queued(Comment c) => new(
        c.Id, c.ParentId, c.Author.Id, c.Author.DisplayName, c.Author.IsStaff, c.Text, c.PostedAt, c.Status, c.HeldBy, c.HoldReason,
        _reports.TryGetValue(c.Id, out var reports) ? [.. reports] : []);
}
