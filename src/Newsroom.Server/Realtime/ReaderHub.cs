using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Auth;
using Newsroom.Server.Comments;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Readers' live connection: anonymous, and limited to the channels whose owners admit readers. Signed-in staff use it
/// too on reader pages, and comment there as themselves. Comment methods are thin: the slug is checked by its attribute,
/// the writer is the guest of the signed cookie or the signed-in staff member, and the thread grain keeps the rules.
/// </summary>
[AllowAnonymous]
[WhenBusy(BusyMessage)]
public sealed partial class ReaderHub(ChannelMembership membership, IGrainFactory grains, HubGrains hubGrains, GuestIdentity guests, ReaderSubscriptions subscriptions)
    : Hub<INewsroomClient>
{
    public const string BusyMessage = "The comments did not answer in time; try again.";

    /// <summary>A post's: the page keeps the comment and sends it again with the same key, which stores it once.</summary>
    public const string PostBusyMessage = "The comments did not answer in time; your comment is kept here and will be sent again.";

    public async Task Join(string channel) => await membership.Join(Context, Groups, await Admit(channel));

    public Task Leave(string channel) => membership.Leave(Context, Groups, ChannelMembership.ParseOrReject(channel));

    public async Task<ChannelCatchUp> CatchUp(string channel, long afterVersion) => await membership.CatchUp(await Admit(channel), afterVersion);

    /// <summary>Posts a comment, a reply (<see cref="CommentForm.ReplyTo"/>) or inline feedback (<see cref="CommentForm.Anchor"/>).</summary>
    [RateLimited(HubRateLimits.Comments)]
    [WhenBusy(PostBusyMessage)]
    public Task<PostedComment> PostComment([ArticleSlug] string slug, CommentForm form) =>
        Thread(slug).Post(Post(CommentCaller.Require(form)));

    /// <summary>What posting would do (held, and why), so the writer may rephrase first; stores nothing.</summary>
    [RateLimited(HubRateLimits.Votes)]
    public Task<CommentPostCheck> CheckComment([ArticleSlug] string slug, CommentForm form) =>
        Thread(slug).CheckBeforePosting(Post(CommentCaller.Require(form)));

    [RateLimited(HubRateLimits.Votes)]
    public Task<CommentItem> EditComment([ArticleSlug] string slug, long commentId, string text)
    {
        var form = CommentCaller.Require(new CommentForm(text));
        return Thread(slug).Edit(commentId, CommentCaller.Writer(Context, guests, form), form.Text ?? "");
    }

    [RateLimited(HubRateLimits.Votes)]
    public Task DeleteComment([ArticleSlug] string slug, long commentId) =>
        Thread(slug).Delete(commentId, CommentCaller.AuthorId(Context, guests));

    /// <summary><paramref name="vote"/>: <c>up</c>, <c>down</c>, or <c>none</c> to take a vote back.</summary>
    [RateLimited(HubRateLimits.Votes)]
    public Task<CommentItem> VoteComment([ArticleSlug] string slug, long commentId, string vote) =>
        Thread(slug).Vote(commentId, CommentCaller.AuthorId(Context, guests), CommentCaller.Vote(vote));

    [RateLimited(HubRateLimits.Votes)]
    public Task<CommentRating> RateArticle([ArticleSlug] string slug, int stars) =>
        Thread(slug).Rate(CommentCaller.AuthorId(Context, guests), stars);

    /// <summary>The story's rating with the caller's own stars, for the rating widget.</summary>
    public async Task<CommentRating> GetRating([ArticleSlug] string slug)
    {
        await RequirePublished(slug);
        return await Thread(slug).GetRating(CommentCaller.ViewerId(Context, guests));
    }

    [RateLimited(HubRateLimits.Comments)]
    public Task ReportComment([ArticleSlug] string slug, long commentId, string reason) =>
        Thread(slug).Report(commentId, CommentCaller.AuthorId(Context, guests), reason ?? "");

    /// <summary>
    /// A page of top-level comments with their first replies: <paramref name="sort"/> <c>newest</c> (default),
    /// <c>oldest</c> or <c>most-voted</c>; <paramref name="cursor"/> from the page before; inline feedback only on request.
    /// </summary>
    public async Task<CommentPageResult> LoadComments([ArticleSlug] string slug, string? sort, string? cursor, bool inlineOnly)
    {
        var order = CommentCaller.Sort(sort);
        await RequirePublished(slug);
        return await Thread(slug).GetPage(new CommentPageQuery(order, cursor, CommentCaller.ViewerId(Context, guests), InlineOnly: inlineOnly));
    }

    /// <summary>
    /// The passages of the latest published version that readers' inline comments are about, and how many each, for the
    /// article page's marks (offsets in that version's body, which the page's text runs map to the text on screen).
    /// </summary>
    public async Task<CommentPassages> LoadPassages([ArticleSlug] string slug)
    {
        await RequirePublished(slug);
        return await Thread(slug).GetPassages();
    }

    /// <summary>The replies under a comment after <paramref name="cursor"/> ("n more replies").</summary>
    public async Task<CommentPageResult> LoadReplies([ArticleSlug] string slug, long parentId, string? cursor)
    {
        await RequirePublished(slug);
        return await Thread(slug).GetReplies(parentId, cursor, CommentCaller.ViewerId(Context, guests), CommentCaller.RepliesPerLoad);
    }

    /// <summary>
    /// Which of the comments on the caller's page are theirs and how they voted on them: the page is kept in the output
    /// cache for everyone, so its script asks once connected. Nobody in particular (no valid guest cookie) has none.
    /// </summary>
    public async Task<CommentMarks> GetMyMarks([ArticleSlug] string slug, long[]? commentIds)
    {
        if (commentIds is null)
        {
            throw new CommentException("Name the comments on the page: a list of comment ids.");
        }

        if (commentIds.Length > CommentMarks.MaxComments)
        {
            throw new CommentException($"Ask about at most {CommentMarks.MaxComments} comments at a time; got {commentIds.Length}.");
        }

        await RequirePublished(slug);
        return CommentCaller.ViewerId(Context, guests) is { } reader
            ? await Thread(slug).MarksOf(reader, commentIds)
            : CommentMarks.None;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        membership.Disconnected(Context);
        return base.OnDisconnectedAsync(exception);
    }

    private CommentPost Post(CommentForm form) =>
        new(CommentCaller.Writer(Context, guests, form), form.Text ?? "", form.ReplyTo, form.Anchor, form.Key);

    // Writes are checked by the thread grain itself; reads are answered only under a story readers can see.
    private async Task RequirePublished(string slug)
    {
        if (await hubGrains.Get<IArticleGrain>(slug).Get() is not { IsWithdrawn: false })
        {
            throw new CommentException($"There is no published story '{slug}' to read comments under.");
        }
    }

    private ICommentThreadGrain Thread(string slug) => hubGrains.Get<ICommentThreadGrain>(slug);
}
