namespace Newsroom.Core.Comments;

public sealed partial class CommentThread
{
    /// <summary>
    /// <see cref="Place(CommentAuthor, string, long?, CommentStatus, DateTimeOffset)"/> after the moderation rules:
    /// a refused comment is refused here too (so the grain has one answer to pass on), a held one is placed pending
    /// with the rule and reason that held it, for the moderation queue.
    /// </summary>
    public CommentChange Place(CommentAuthor author, string text, long? replyTo, ModerationDecision decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Outcome == ModerationOutcome.Refuse)
        {
            return CommentChange.Refuse(decision.Reason ?? "This comment cannot be posted.");
        }

        var placed = Place(author, text, replyTo, decision.StatusToStore, now);
        return placed.Comment is { } comment && decision.Outcome == ModerationOutcome.Hold
            ? CommentChange.Accept(comment with { HeldBy = decision.Rule, HoldReason = decision.Reason })
            : placed;
    }

    /// <summary>
    /// An author's edit after the moderation rules looked at the new text: refused with their message, or sent back
    /// to the moderators with the rule and reason that held it. Otherwise as
    /// <see cref="Edit(long, string, string, bool, TimeSpan, DateTimeOffset)"/>.
    /// </summary>
    public CommentChange Edit(long id, string authorId, string text, ModerationDecision decision, TimeSpan editWindow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Outcome == ModerationOutcome.Refuse)
        {
            return CommentChange.Refuse(decision.Reason ?? "This comment cannot be posted.");
        }

        var held = decision.Outcome == ModerationOutcome.Hold;
        var edit = Edit(id, authorId, text, held, editWindow, now);
        return edit.Comment is { } comment && held
            ? CommentChange.Accept(Replace(_nodes[id], comment with { HeldBy = decision.Rule, HoldReason = decision.Reason }))
            : edit;
    }

    /// <summary>The comments waiting for a moderator, oldest first (the queue answers the longest wait first).</summary>
    public IReadOnlyList<Comment> AwaitingModeration(int max = 100) =>
        [.. _pending.Take(max).Select(id => _nodes[id].Comment)];

    public int AwaitingModerationCount => _pending.Count;

    /// <summary>A moderator's decision: approve, reject or remove. The comment stays kept, for the record.</summary>
    public CommentChange Moderate(long id, CommentStatus status)
    {
        if (status is not (CommentStatus.Published or CommentStatus.Rejected or CommentStatus.Removed))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A moderator approves (published), rejects or removes.");
        }

        if (!_nodes.TryGetValue(id, out var node) || node.Comment.Status == CommentStatus.Deleted)
        {
            return CommentChange.Refuse($"There is no comment {id} under this story; it may have been deleted by its author.");
        }

        return CommentChange.Accept(Replace(node, node.Comment with { Status = status }));
    }

    /// <summary>Features a comment (shown first, marked) or takes the feature back. Only a published comment can be featured.</summary>
    public CommentChange Feature(long id, bool featured)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            return CommentChange.Refuse($"There is no comment {id} under this story.");
        }

        if (featured && node.Comment.Status != CommentStatus.Published)
        {
            return CommentChange.Refuse("Only a published comment can be featured; approve it first.");
        }

        return CommentChange.Accept(Replace(node, node.Comment with { Featured = featured }));
    }
}
