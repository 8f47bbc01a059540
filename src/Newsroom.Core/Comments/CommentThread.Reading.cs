using System.Diagnostics.CodeAnalysis;

namespace Newsroom.Core.Comments;

public sealed partial class CommentThread
{
    /// <summary>The first page under a story: what the article page renders on the server.</summary>
    public CommentPage FirstPage(CommentSort sort = CommentSort.Newest, string? viewerId = null)
    {
        TryReadPage(new CommentPageRequest(sort, null, viewerId), out var page, out _);
        return page;
    }

    /// <summary>
    /// A page of top-level comments (featured first, then in the sort order), each with its first replies and
    /// "n more replies". Costs the page, not the thread: newest and oldest start with a binary search, most voted
    /// from a score-ordered set. A bad request or cursor gets a reason and an empty page.
    /// </summary>
    public bool TryReadPage(CommentPageRequest request, out CommentPage page, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        page = new CommentPage([], null, PublishedCount);
        error = request.Problem();
        CommentCursor? after = null;
        if (error is null && request.Cursor is not null)
        {
            after = CommentCursor.TryParse(request.Cursor, request.Sort, out var parsed, out error) ? parsed : null;
        }

        if (error is not null)
        {
            return false;
        }

        var shown = new List<CommentView>();
        CommentCursor? last = null;
        string? next = null;
        foreach (var (node, featured) in TopLevelAfter(request.Sort, after))
        {
            if (Show(node, request.ViewerId) == Visibility.Hidden)
            {
                continue;
            }

            if (shown.Count == request.PageSize)
            {
                next = last.ToString();
                break;
            }

            shown.Add(View(node, request.ViewerId, request.RepliesShown));
            last = new CommentCursor(request.Sort, featured, SortKey(request.Sort, node), node.Comment.Id);
        }

        page = new CommentPage(shown, next, PublishedCount);
        return true;
    }

    /// <summary>
    /// The replies under one comment after <paramref name="cursor"/> (from "n more replies"), oldest first, each with
    /// its own first replies.
    /// </summary>
    public bool TryReadReplies(long parentId, string? cursor, string? viewerId, int pageSize, int repliesShown, out CommentPage page, [NotNullWhen(false)] out string? error)
    {
        page = new CommentPage([], null, PublishedCount);
        error = new CommentPageRequest(CommentSort.Oldest) { PageSize = pageSize, RepliesShown = repliesShown }.Problem();
        var afterId = 0L;
        if (error is null && cursor is not null)
        {
            afterId = CommentCursor.TryParse(cursor, CommentSort.Oldest, out var parsed, out error) ? parsed.Id : 0;
        }

        if (error is null && (!_nodes.TryGetValue(parentId, out var parent) || Show(parent, viewerId) == Visibility.Hidden))
        {
            error = $"There is no comment {parentId} under this story.";
        }

        if (error is not null)
        {
            return false;
        }

        var (replies, more, next) = Replies(_nodes[parentId], afterId, viewerId, pageSize, repliesShown);
        page = new CommentPage(replies, more > 0 ? next : null, PublishedCount);
        return true;
    }

    private IEnumerable<(Node Node, bool Featured)> TopLevelAfter(CommentSort sort, CommentCursor? after)
    {
        // Featured comments are few (a moderator picks them), so they are sorted when asked for.
        if (after is null || after.Value.Featured)
        {
            var featured = _featuredTopLevel.Select(id => _nodes[id]).ToList();
            featured.Sort((a, b) => Compare(sort, a, b));
            foreach (var node in featured)
            {
                if (after is not { } a || IsAfter(sort, node, a))
                {
                    yield return (node, true);
                }
            }
        }

        var rest = sort switch
        {
            CommentSort.Newest => Newest(after is { Featured: false } a1 ? a1.Id : long.MaxValue),
            CommentSort.Oldest => Oldest(after is { Featured: false } a2 ? a2.Id : 0),
            _ => MostVoted(after is { Featured: false } a3 ? new VoteKey((int)a3.Key, a3.Id) : null),
        };
        foreach (var node in rest)
        {
            if (!node.Comment.Featured)
            {
                yield return (node, false);
            }
        }
    }

    private IEnumerable<Node> Newest(long beforeId)
    {
        var i = _topLevel.BinarySearch(beforeId);
        for (i = (i >= 0 ? i : ~i) - 1; i >= 0; i--)
        {
            yield return _nodes[_topLevel[i]];
        }
    }

    private IEnumerable<Node> Oldest(long afterId)
    {
        var i = _topLevel.BinarySearch(afterId);
        for (i = i >= 0 ? i + 1 : ~i; i < _topLevel.Count; i++)
        {
            yield return _nodes[_topLevel[i]];
        }
    }

    private IEnumerable<Node> MostVoted(VoteKey? after)
    {
        if (_byVotes.Count == 0)
        {
            yield break;
        }

        var max = _byVotes.Max;
        if (after is { } from && VoteKey.Order.Compare(from, max) >= 0)
        {
            yield break;
        }

        var keys = after is { } start ? _byVotes.GetViewBetween(start, max) : _byVotes;
        foreach (var key in keys)
        {
            if (after is { } skip && key == skip)
            {
                continue;
            }

            yield return _nodes[key.Id];
        }
    }

    private (List<CommentView> Shown, int More, string? Next) Replies(Node parent, long afterId, string? viewerId, int count, int repliesShown)
    {
        var shown = new List<CommentView>();
        var more = 0;
        long lastId = 0;
        var start = parent.Children.BinarySearch(afterId);
        for (var i = start >= 0 ? start + 1 : ~start; i < parent.Children.Count; i++)
        {
            var child = _nodes[parent.Children[i]];
            if (Show(child, viewerId) == Visibility.Hidden)
            {
                continue;
            }

            if (shown.Count < count)
            {
                shown.Add(View(child, viewerId, repliesShown));
                lastId = child.Comment.Id;
            }
            else
            {
                more++;
            }
        }

        return (shown, more, new CommentCursor(CommentSort.Oldest, false, lastId, lastId).ToString());
    }

    private CommentView View(Node node, string? viewerId, int repliesShown)
    {
        var c = node.Comment;
        var mine = viewerId is not null && string.Equals(c.Author.Id, viewerId, StringComparison.Ordinal);
        var full = Show(node, viewerId) == Visibility.Full;
        var (replies, more, next) = Replies(node, 0, viewerId, repliesShown, repliesShown);
        return new CommentView(
            c.Id,
            c.ParentId,
            c.Depth,
            full ? c.Author.DisplayName : null,
            full && c.Author.IsStaff,
            full ? c.Text : null,
            c.PostedAt,
            c.Status,
            full && c.IsEdited,
            full && c.Featured,
            full ? node.Tally : default,
            full ? c.ReplyingTo : null,
            mine && full,
            replies,
            more,
            more > 0 ? next : null);
    }

    private Visibility Show(Node node, string? viewerId)
    {
        var c = node.Comment;
        if (c.Status == CommentStatus.Published
            || (c.Status == CommentStatus.Pending && viewerId is not null && string.Equals(c.Author.Id, viewerId, StringComparison.Ordinal)))
        {
            return Visibility.Full;
        }

        return node.Children.Any(id => Show(_nodes[id], viewerId) != Visibility.Hidden) ? Visibility.Placeholder : Visibility.Hidden;
    }

    private static long SortKey(CommentSort sort, Node node) => sort == CommentSort.MostVoted ? node.Tally.Score : node.Comment.Id;

    private static int Compare(CommentSort sort, Node a, Node b) => sort switch
    {
        CommentSort.Newest => b.Comment.Id.CompareTo(a.Comment.Id),
        CommentSort.Oldest => a.Comment.Id.CompareTo(b.Comment.Id),
        _ => VoteKey.Order.Compare(a.VoteKey, b.VoteKey),
    };

    private static bool IsAfter(CommentSort sort, Node node, CommentCursor cursor) => sort switch
    {
        CommentSort.Newest => node.Comment.Id < cursor.Id,
        CommentSort.Oldest => node.Comment.Id > cursor.Id,
        _ => VoteKey.Order.Compare(node.VoteKey, new VoteKey((int)cursor.Key, cursor.Id)) > 0,
    };

    private enum Visibility
    {
        Hidden,
        Placeholder,
        Full,
    }
}
