namespace Newsroom.Core.Comments;

public sealed partial class CommentThread
{
    // Each author's comment ids in posting order, so their history costs their comments, not the thread's.
    private readonly Dictionary<string, List<long>> _byAuthor = new(StringComparer.Ordinal);

    /// <summary>
    /// What this thread knows of an author, for the moderation rules: their published comments counted as approved
    /// (a guest's first ones only get published by a moderator's approval), and their latest
    /// <paramref name="recent"/> comments, newest first. A grain that knows the author across stories passes that
    /// history instead; this one is the fallback that needs nothing but the thread.
    /// </summary>
    public AuthorHistory HistoryOf(string authorId, int recent = 20)
    {
        ArgumentNullException.ThrowIfNull(authorId);
        if (!_byAuthor.TryGetValue(authorId, out var ids))
        {
            return AuthorHistory.None;
        }

        var comments = ids.Select(id => _nodes[id].Comment).ToList();
        var latest = comments
            .AsEnumerable()
            .Reverse()
            .Take(recent)
            .Select(c => new AuthorRecentComment(c.Text, c.PostedAt, c.Status))
            .ToList();
        return new AuthorHistory(comments.Count(c => c.Status == CommentStatus.Published), latest);
    }

    private void IndexAuthor(Comment comment)
    {
        if (!_byAuthor.TryGetValue(comment.Author.Id, out var ids))
        {
            _byAuthor[comment.Author.Id] = ids = [];
        }

        ids.Add(comment.Id);
    }

    private void UnindexAuthor(Comment comment)
    {
        var ids = _byAuthor[comment.Author.Id];
        ids.RemoveAt(ids.BinarySearch(comment.Id));
        if (ids.Count == 0)
        {
            _byAuthor.Remove(comment.Author.Id);
        }
    }
}
