namespace Newsroom.Core.Comments;

/// <summary>
/// The comments under one story, as the thread grain keeps them in memory: placing new comments and replies,
/// author edits and deletions, moderators' decisions, votes, and reading pages (<c>CommentThread.Reading.cs</c>).
/// Not thread-safe: the grain is its single writer. A new comment takes two steps: ask where it goes
/// (<see cref="Place(CommentAuthor, string, long?, ModerationDecision, DateTimeOffset)"/>), store the answer, then
/// keep it (<see cref="Add"/>), so nothing is visible that is not stored. The other changes apply at once and
/// return what to store: should that write fail, the grain deactivates and the thread is loaded again from storage.
/// </summary>
public sealed partial class CommentThread
{
    private readonly Dictionary<long, Node> _nodes = [];

    // Top-level ids in posting order: newest and oldest pages are a binary search and a walk.
    private readonly List<long> _topLevel = [];

    // Top-level comments by score, for "most voted" pages without sorting the thread each time.
    private readonly SortedSet<VoteKey> _byVotes = new(VoteKey.Order);
    private readonly HashSet<long> _featuredTopLevel = [];

    // Comments waiting for a moderator, oldest first: the queue reads these without a walk over the thread.
    private readonly SortedSet<long> _pending = [];
    private long _lastId;

    /// <summary>The id the next comment will get.</summary>
    public long NextId => _lastId + 1;

    /// <summary>Comments readers can see, the "N Comments" count.</summary>
    public int PublishedCount { get; private set; }

    /// <summary>Every comment kept, in any status.</summary>
    public int Count => _nodes.Count;

    /// <summary>
    /// A thread rebuilt from stored rows. <paramref name="lastIdGiven"/> is the stored id counter: comments deleted
    /// for good leave no row, and their ids must not be given again (a reader's cursor or a vote row may name them).
    /// </summary>
    public static CommentThread Load(IEnumerable<Comment> comments, IEnumerable<StoredCommentVote> votes, long lastIdGiven = 0)
    {
        ArgumentNullException.ThrowIfNull(comments);
        ArgumentNullException.ThrowIfNull(votes);
        var thread = new CommentThread();
        foreach (var comment in comments.OrderBy(c => c.Id))
        {
            thread.Add(comment);
        }

        foreach (var vote in votes)
        {
            if (thread._nodes.TryGetValue(vote.CommentId, out var node) && vote.Vote != CommentVote.None)
            {
                thread.SetVote(node, vote.VoterId, vote.Vote);
            }
        }

        thread._lastId = Math.Max(thread._lastId, lastIdGiven);
        return thread;
    }

    public Comment? Find(long id) => _nodes.TryGetValue(id, out var node) ? node.Comment : null;

    /// <summary>
    /// Where a new comment would go, as the comment to store, or why it cannot be posted. Nothing changes until
    /// <see cref="Add"/>. A reply to a third-level comment goes beside it, naming the person answered.
    /// </summary>
    public CommentChange Place(CommentAuthor author, string text, long? replyTo, CommentStatus status, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(text);
        if (status is not (CommentStatus.Published or CommentStatus.Pending))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A new comment is published or pending.");
        }

        if (replyTo is not { } targetId)
        {
            return CommentChange.Accept(new Comment(NextId, null, 1, author, text, now, status));
        }

        if (!_nodes.TryGetValue(targetId, out var target))
        {
            return CommentChange.Refuse($"There is no comment {targetId} under this story to reply to.");
        }

        if (target.Comment.Status != CommentStatus.Published)
        {
            return CommentChange.Refuse(target.Comment.Status switch
            {
                CommentStatus.Pending => "The comment you replied to is waiting for a moderator; you can reply once it appears.",
                CommentStatus.Deleted => "The comment you replied to was deleted by its author.",
                _ => "The comment you replied to was removed by a moderator.",
            });
        }

        var reply = target.Comment.Depth < Comment.MaxDepth
            ? new Comment(NextId, targetId, target.Comment.Depth + 1, author, text, now, status)
            : new Comment(NextId, target.Comment.ParentId, Comment.MaxDepth, author, text, now, status)
            {
                ReplyingTo = target.Comment.Author.DisplayName,
                RepliedToId = targetId,
            };
        return CommentChange.Accept(reply);
    }

    /// <summary>
    /// Keeps a comment from <c>Place</c> once it is stored (or a stored one, when loading). Throws on a comment
    /// that does not fit (an id already given, a parent not here), which would be a fault of the caller.
    /// </summary>
    public void Add(Comment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.Id <= _lastId)
        {
            throw new InvalidOperationException($"Comment id {comment.Id} was already given; the next is {NextId}.");
        }

        Node? parent = null;
        if (comment.ParentId is { } parentId && !_nodes.TryGetValue(parentId, out parent))
        {
            throw new InvalidOperationException($"Comment {comment.Id} answers comment {parentId}, which this thread does not have.");
        }

        var node = new Node(comment);
        _nodes.Add(comment.Id, node);
        _lastId = comment.Id;
        if (parent is null)
        {
            _topLevel.Add(comment.Id);
            _byVotes.Add(node.VoteKey);
            if (comment.Featured)
            {
                _featuredTopLevel.Add(comment.Id);
            }
        }
        else
        {
            parent.Children.Add(comment.Id);
        }

        PublishedCount += comment.Status == CommentStatus.Published ? 1 : 0;
        _ = comment.Status == CommentStatus.Pending && _pending.Add(comment.Id);
        IndexAuthor(comment);
    }

    /// <summary>
    /// An author's edit within the edit window. <paramref name="holdForReview"/> (the rules held the new text) sends
    /// the comment back to the moderators; the text rules have already checked length and markup.
    /// </summary>
    public CommentChange Edit(long id, string authorId, string text, bool holdForReview, TimeSpan editWindow, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (CheckAuthorMayChange(id, authorId, editWindow, now, "edit") is { } refusal)
        {
            return CommentChange.Refuse(refusal);
        }

        var node = _nodes[id];
        var status = holdForReview ? CommentStatus.Pending : node.Comment.Status;
        return CommentChange.Accept(Replace(node, node.Comment with { Text = text, EditedAt = now, Status = status }));
    }

    /// <summary>
    /// An author's deletion within the edit window. With replies it stays as "comment deleted" (its text and name
    /// gone) so the replies keep their place; without, it leaves the thread, and so does a "comment deleted" above
    /// it that has no other replies.
    /// </summary>
    public CommentChange Delete(long id, string authorId, TimeSpan editWindow, DateTimeOffset now)
    {
        if (CheckAuthorMayChange(id, authorId, editWindow, now, "delete") is { } refusal)
        {
            return CommentChange.Refuse(refusal);
        }

        var node = _nodes[id];
        if (node.Children.Count > 0)
        {
            return CommentChange.Accept(Replace(node, node.Comment with { Text = "", Status = CommentStatus.Deleted }));
        }

        var gone = new List<long>();
        RemoveForGood(node, gone);
        return CommentChange.Removed(gone);
    }

    private string? CheckAuthorMayChange(long id, string authorId, TimeSpan editWindow, DateTimeOffset now, string verb)
    {
        if (!_nodes.TryGetValue(id, out var node) || node.Comment.Status is CommentStatus.Deleted)
        {
            return $"There is no comment {id} under this story to {verb}.";
        }

        var comment = node.Comment;
        if (!string.Equals(comment.Author.Id, authorId, StringComparison.Ordinal))
        {
            return $"Only its author may {verb} a comment.";
        }

        if (comment.Status is CommentStatus.Rejected or CommentStatus.Removed)
        {
            return $"A moderator removed this comment; it can no longer be {(verb == "edit" ? "edited" : "deleted")}.";
        }

        // The window is inclusive: at exactly ten minutes the author may still act, a tick later they may not.
        var closedAt = comment.PostedAt + editWindow;
        if (now > closedAt)
        {
            return $"Comments can be edited or deleted for {EditWindowText.Describe(editWindow)} after posting; "
                + $"the window for this one closed at {EditWindowText.Time(closedAt)}.";
        }

        return null;
    }

    private Comment Replace(Node node, Comment updated)
    {
        var before = node.Comment;
        var isTopLevel = before.ParentId is null;
        PublishedCount += (updated.Status == CommentStatus.Published ? 1 : 0) - (before.Status == CommentStatus.Published ? 1 : 0);
        node.Comment = updated;
        _ = updated.Status == CommentStatus.Pending ? _pending.Add(updated.Id) : _pending.Remove(updated.Id);
        if (isTopLevel)
        {
            _ = updated.Featured ? _featuredTopLevel.Add(updated.Id) : _featuredTopLevel.Remove(updated.Id);
        }

        return updated;
    }

    private void RemoveForGood(Node node, List<long> gone)
    {
        var comment = node.Comment;
        _nodes.Remove(comment.Id);
        gone.Add(comment.Id);
        _pending.Remove(comment.Id);
        UnindexAuthor(comment);
        PublishedCount -= comment.Status == CommentStatus.Published ? 1 : 0;
        if (comment.ParentId is not { } parentId)
        {
            _topLevel.RemoveAt(_topLevel.BinarySearch(comment.Id));
            _byVotes.Remove(node.VoteKey);
            _featuredTopLevel.Remove(comment.Id);
            return;
        }

        var parent = _nodes[parentId];
        parent.Children.RemoveAt(parent.Children.BinarySearch(comment.Id));
        if (parent.Children.Count == 0 && parent.Comment.Status == CommentStatus.Deleted)
        {
            RemoveForGood(parent, gone);
        }
    }
}
