using Newsroom.Core.Changes;
using Newsroom.Core.Comments;
using Newsroom.Grains.Articles;

namespace Newsroom.Grains.Comments;

public sealed partial class CommentThreadGrain
{
    // Each inline comment's passage followed to the latest published version, and the body changes it was followed
    // through (version n: from n - 1 to n), read once per activation from the story's versions.
    private readonly Dictionary<long, AnchoredPassage> _passages = [];
    private readonly Dictionary<int, ChangeDesc> _changes = [];
    private int _followedTo;
    private DateTimeOffset? _firstPublishedAt;

    public async Task<CommentPageResult> GetPage(CommentPageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Refresh();
        var request = new CommentPageRequest(query.Sort, query.Cursor, query.ViewerId) { PageSize = query.PageSize, RepliesShown = query.RepliesShown };
        if (!query.InlineOnly)
        {
            return _thread.TryReadPage(request, out var page, out var error) ? Result(page, query.ViewerId) : throw new CommentException(error);
        }

        // Inline comments are top-level: read the thread's pages in the same order and keep only those about a passage.
        var shown = new List<CommentView>();
        var cursor = query.Cursor;
        string? next = null;
        while (true)
        {
            var wide = request with { Cursor = cursor, PageSize = CommentPageRequest.MaxPageSize };
            if (!_thread.TryReadPage(wide, out var page, out var error))
            {
                throw new CommentException(error);
            }

            foreach (var view in page.Comments.Where(v => _anchors.ContainsKey(v.Id)))
            {
                if (shown.Count == query.PageSize)
                {
                    next = CursorOf(query.Sort, shown[^1]);
                    return Result(new CommentPage(shown, next, _thread.PublishedCount), query.ViewerId);
                }

                shown.Add(view);
            }

            if (page.NextCursor is null)
            {
                return Result(new CommentPage(shown, null, _thread.PublishedCount), query.ViewerId);
            }

            cursor = page.NextCursor;
        }
    }

    public Task<CommentPageResult> GetReplies(long parentId, string? cursor, string? viewerId, int pageSize) =>
        _thread.TryReadReplies(parentId, cursor, viewerId, pageSize, CommentPageRequest.DefaultRepliesShown, out var page, out var error)
            ? Task.FromResult(Result(page, viewerId))
            : throw new CommentException(error);

    public Task<string> AuthorOfFollowable(long commentId) =>
        _thread.Find(commentId) is { Status: CommentStatus.Published } comment
            ? Task.FromResult(comment.Author.DisplayName)
            : throw new CommentException($"There is no comment {commentId} under this story to follow the replies to.");

    public Task<CommentMarks> MarksOf(string readerId, IReadOnlyList<long> commentIds)
    {
        RequireId(readerId, "reader");
        ArgumentNullException.ThrowIfNull(commentIds);
        if (commentIds.Count > CommentMarks.MaxComments)
        {
            throw new CommentException($"Ask about at most {CommentMarks.MaxComments} comments at a time; got {commentIds.Count}.");
        }

        var marks = new List<CommentMark>();
        foreach (var id in commentIds.Distinct())
        {
            if (_thread.Find(id) is not { } comment)
            {
                continue;
            }

            var mine = string.Equals(comment.Author.Id, readerId, StringComparison.Ordinal)
                && comment.Status is CommentStatus.Published or CommentStatus.Pending;
            var vote = _thread.VoteOf(id, readerId);
            if (mine || vote != CommentVote.None)
            {
                marks.Add(new CommentMark(id, mine, vote));
            }
        }

        return Task.FromResult(new CommentMarks(marks));
    }

    public async Task<CommentPassages> GetPassages()
    {
        // Always the latest version, with or without inline comments: a page compares it with the version it shows.
        if (await Article.Get() is not { } article)
        {
            return new CommentPassages(0, [], _channel.Version);
        }

        _firstPublishedAt ??= article.FirstPublishedAt;
        await FollowAnchors(article);
        // Readers' pages show these counts: only comments every reader can read count (not held, rejected or removed ones).
        var passages = _passages
            .Where(p => p.Value.Version == _followedTo && _thread.Find(p.Key)?.Status == CommentStatus.Published)
            .Select(p => p.Value)
            .ToList();
        var counted = AnchoredPassage.CountPerPassage(passages).Select(p => new CommentPassageCount(p.From, p.To, p.Comments));
        return new CommentPassages(_followedTo, [.. counted], _channel.Version);
    }

    private static string CursorOf(CommentSort sort, CommentView view) =>
        new CommentCursor(sort, view.Featured, sort == CommentSort.MostVoted ? view.Votes.Score : view.Id, view.Id).ToString();

    private CommentPageResult Result(CommentPage page, string? viewerId) =>
        new(
            [.. page.Comments.Select(v => Item(v, viewerId))],
            page.NextCursor,
            page.PublishedCount,
            _channel.Version,
            CommentRating.Of(_rating.Summary, viewerId is null ? null : _rating.StarsOf(viewerId)),
            OpeningNow());

    /// <summary>Learns when the story was published and, when there are inline comments, follows them to its latest version.</summary>
    private async Task Refresh()
    {
        if (_firstPublishedAt is not null && _anchors.Count == 0)
        {
            return;
        }

        if (await Article.Get() is { } article)
        {
            _firstPublishedAt = article.FirstPublishedAt;
            await FollowAnchors(article);
        }
    }

    /// <summary>
    /// Follows every inline comment's passage through the story's updates, one version at a time (Core's
    /// <see cref="AnchoredPassage.Follow"/>): a passage an update touched is marked changed and its comment kept.
    /// </summary>
    private async Task FollowAnchors(ArticleView article)
    {
        var latest = article.Current.Number;
        foreach (var (id, anchor) in _anchors)
        {
            var passage = _passages.GetValueOrDefault(id) ?? AnchoredPassage.Start(anchor);
            while (passage.Version < latest)
            {
                passage = passage.Follow(await ChangeInto(passage.Version + 1, article));
            }

            _passages[id] = passage;
        }

        _followedTo = latest;
    }

    private async Task<ChangeDesc> ChangeInto(int number, ArticleView article)
    {
        if (_changes.TryGetValue(number, out var known))
        {
            return known;
        }

        var version = number == article.Current.Number ? article.Current : await Article.GetVersion(number);
        var json = version?.BodyChangeJson
            ?? throw new InvalidDataException($"Story '{Slug}': version {number} has no body change to follow comments' passages through.");
        return _changes[number] = ChangeSet.FromJson(json);
    }

    private CommentPassage? Passage(long id)
    {
        if (!_anchors.TryGetValue(id, out var anchor))
        {
            return null;
        }

        var p = _passages.GetValueOrDefault(id) ?? AnchoredPassage.Start(anchor);
        return new CommentPassage(anchor.Version, anchor.Quote, p.Version, p.Current?.From, p.Current?.To, p.IsChanged, p.ChangedInVersion);
    }
}
