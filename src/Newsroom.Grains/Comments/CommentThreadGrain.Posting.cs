using Newsroom.Core.Comments;
using Newsroom.Grains.Articles;

namespace Newsroom.Grains.Comments;

public sealed partial class CommentThreadGrain
{
    /// <summary>
    /// Everything a post is checked against before anything is stored, in the order a writer can act on: who they
    /// are, whether the story takes comments, the text, the passage, then the moderation rules' verdict.
    /// </summary>
    private async Task<(CommentSubmission Submission, InlineAnchor? Anchor, ModerationPreview Preview, ArticleView Article)> Prepare(CommentPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(post.Author);
        var author = Author(post.Author);
        await RefuseBanned(author.Id, EmailHash(post.Author));
        var article = await PublishedArticle();
        var settings = Settings;
        _ = Opening(article);
        var text = Checked(CommentText.CheckBody(post.Text, settings.MinLength, settings.MaxLength));
        InlineAnchor? anchor = null;
        if (post.Anchor is { } selection)
        {
            if (post.ReplyTo is not null)
            {
                throw new CommentException("A comment on a passage starts a discussion of its own; it cannot also be a reply.");
            }

            var version = selection.Version == article.Current.Number ? article.Current : await Article.GetVersion(selection.Version);
            if (version is null)
            {
                throw new CommentException($"Version {selection.Version} of this story was never published; reload the story and select the passage again.");
            }

            var check = InlineAnchor.Check(selection.Version, selection.From, selection.To, selection.Quote, version.Content.Body);
            anchor = check.Anchor ?? throw new CommentException(check.Refusal!);
        }

        if (post.ReplyTo is { } replyTo && _thread.Find(replyTo) is null)
        {
            throw new CommentException($"There is no comment {replyTo} under this story to reply to.");
        }

        var submission = new CommentSubmission(author, text, CommentLinks.Count(text));
        var preview = _rules.CheckBeforePosting(submission, _thread.HistoryOf(author.Id), settings, _clock.GetUtcNow());
        if (preview.Outcome == ModerationOutcome.Refuse)
        {
            throw new CommentException(preview.Message ?? "This comment cannot be posted.");
        }

        return (submission, anchor, preview, article);
    }

    private static CommentAuthor Author(CommentWriter writer)
    {
        RequireId(writer.Id, writer.IsStaff ? "user" : "guest");
        if (writer.IsStaff)
        {
            var name = (writer.DisplayName ?? "").Trim();
            return CommentAuthor.Staff(writer.Id, name.Length is > 0 and <= 200 ? name : writer.Id);
        }

        var guestName = Checked(CommentText.CheckGuestName(writer.DisplayName));
        _ = Checked(CommentText.CheckGuestEmail(writer.Email));
        return CommentAuthor.Guest(writer.Id, guestName);
    }

    /// <summary>Refuses a person a moderator banned, by their id or their email's hash.</summary>
    private async Task RefuseBanned(string authorId, string? emailHash)
    {
        if (await GrainFactory.GetGrain<ICommentBansGrain>(ICommentBansGrain.Newsroom).Find(authorId, emailHash) is { } ban)
        {
            throw new CommentException(ban.Refusal);
        }
    }

    /// <summary>The story, which must be published and not withdrawn for anyone to comment on it or rate it.</summary>
    private async Task<ArticleView> PublishedArticle()
    {
        var article = await Article.Get()
            ?? throw new CommentException($"There is no published story '{CallerText.Shorten(Slug)}' to comment on.");
        _firstPublishedAt = article.FirstPublishedAt;
        LearnStory(article);
        return article.IsWithdrawn
            ? throw new CommentException("This story was withdrawn; it takes no more comments or ratings.")
            : article;
    }

    /// <summary>Whether the thread is open now; refuses with the sentence readers see when it is not.</summary>
    private CommentsOpening Opening(ArticleView article)
    {
        var opening = Settings.IsOpen(article.FirstPublishedAt, _clock.GetUtcNow());
        return opening.IsOpen ? opening : throw new CommentException(opening.Reason!);
    }

    private CommentThreadOpening OpeningNow()
    {
        if (_firstPublishedAt is not { } published)
        {
            return new CommentThreadOpening(false, null, "Comments open when the story is published.");
        }

        var opening = Settings.IsOpen(published, _clock.GetUtcNow());
        return new CommentThreadOpening(opening.IsOpen, opening.ClosesAt, opening.Reason);
    }

    /// <summary>One comment as <paramref name="viewerId"/> sees it (null: any reader), without its replies.</summary>
    private CommentItem Item(Comment c, string? viewerId)
    {
        var mine = viewerId is not null && string.Equals(c.Author.Id, viewerId, StringComparison.Ordinal);
        var full = c.Status == CommentStatus.Published || (c.Status == CommentStatus.Pending && mine);
        var tally = full ? _thread.TallyOf(c.Id) : default;
        var placeholder = c.Status switch
        {
            CommentStatus.Deleted => CommentView.DeletedPlaceholder,
            CommentStatus.Rejected or CommentStatus.Removed => CommentView.RemovedPlaceholder,
            CommentStatus.Pending when !mine => CommentView.PendingPlaceholder,
            _ => null,
        };
        return new CommentItem(
            c.Id, c.ParentId, c.Depth, full ? c.Author.DisplayName : null, full && c.Author.IsStaff, full ? c.Text : null,
            full ? CommentHtml.Render(c.MentionPrefix + c.Text).Html : null, c.PostedAt, c.Status, full && c.IsEdited, full && c.Featured,
            tally.Up, tally.Down, full ? c.ReplyingTo : null, mine && full, placeholder, Passage(c.Id), [], 0, null, VoteOf(c.Id, viewerId));
    }

    private CommentVote VoteOf(long id, string? viewerId) => viewerId is null ? CommentVote.None : _thread.VoteOf(id, viewerId);

    /// <summary>A page's comment (Core's view) on the wire, with its safe HTML, its passage and its replies.</summary>
    private CommentItem Item(CommentView v, string? viewerId)
    {
        var text = v.Text is null ? null : (v.ReplyingTo is { } name ? $"@{name} " : "") + v.Text;
        return new CommentItem(
            v.Id, v.ParentId, v.Depth, v.AuthorName, v.IsStaff, v.Text, text is null ? null : CommentHtml.Render(text).Html, v.PostedAt,
            v.Status, v.IsEdited, v.Featured, v.Votes.Up, v.Votes.Down, v.ReplyingTo, v.IsMine, v.Placeholder, Passage(v.Id),
            [.. v.Replies.Select(r => Item(r, viewerId))], v.MoreReplies, v.MoreRepliesCursor, VoteOf(v.Id, viewerId));
    }
}
