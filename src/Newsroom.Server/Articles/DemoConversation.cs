using Newsroom.Core.Comments;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;

namespace Newsroom.Server.Articles;

/// <summary>
/// Development only: readers' comments under the night-buses story, written through the thread grain as the reader
/// hub would, so the first start shows a discussion (a reply with the staff badge, inline feedback on a passage, votes,
/// a rating, a featured comment). The guests are new, so the site's rule holds their first comments; Mona approves
/// them as a moderator would, so the moderation queue starts empty (tests share the demo newsroom). Written only into a thread with nothing
/// in it: a start that stopped midway leaves what it wrote and adds nothing more.
/// </summary>
public static class DemoConversation
{
    private static readonly CommentModerator _mona = new("mona", "Mona Moderator");
    private static readonly CommentWriter _ana = CommentWriter.Guest("demo-guest-ana", "Ana (night nurse)", "ana@example.org");
    private static readonly CommentWriter _ben = CommentWriter.Guest("demo-guest-ben", "Ben K.", "ben@example.org");
    private static readonly CommentWriter _eddie = CommentWriter.Staff("eddie", "Eddie Editor");

    public const string Slug = DemoStories.CorrectedSlug;

    public const string Passage = "a trial that will cost 2.4 million a year";

    /// <summary>Writes the discussion; false when the story is not published or its thread already has comments.</summary>
    public static async Task<bool> WriteAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var article = await grains.GetGrain<IArticleGrain>(Slug).Get();
        var thread = grains.GetGrain<ICommentThreadGrain>(Slug);
        var queue = await thread.AwaitingModeration(1);
        if (article is null || (await thread.GetPage(new CommentPageQuery(PageSize: 1))).PublishedCount > 0 || queue.PendingCount > 0 || queue.Reported.Count > 0)
        {
            return false;
        }

        var ana = await Approved(thread, new CommentPost(_ana, "Finally. I finish at the hospital at 2 am and the last bus leaves at 11:40, so I have been paying for taxis for three years."), "Approved: a rider's view.");
        await thread.Post(new CommentPost(_eddie, "Thank you, Ana. We will follow the trial and report the ridership figures when the council publishes them.", ana));
        cancellationToken.ThrowIfCancellationRequested();

        var body = article.Current.Content.Body;
        var from = body.IndexOf(Passage, StringComparison.Ordinal);
        var anchor = from < 0 ? null : new CommentAnchorRequest(article.Current.Number, from, from + Passage.Length, Passage);
        var ben = await Approved(thread, new CommentPost(_ben, "How does that compare with what the day service on these routes costs?", null, anchor), null);
        await thread.Vote(ana, _ben.Id, CommentVote.Up);
        await thread.Vote(ben, _ana.Id, CommentVote.Up);
        await thread.Moderate(ana, CommentModerationAction.Feature, _mona, "A rider's view for the top of the discussion.");
        cancellationToken.ThrowIfCancellationRequested();

        await thread.Rate(_ana.Id, 5);
        await thread.Rate(_ben.Id, 4);
        await thread.Rate("demo-guest-carla", 3);
        return true;
    }

    private static async Task<long> Approved(ICommentThreadGrain thread, CommentPost post, string? why)
    {
        var posted = await thread.Post(post);
        if (posted.Held)
        {
            await thread.Moderate(posted.Comment.Id, CommentModerationAction.Approve, _mona, why);
        }

        return posted.Comment.Id;
    }
}
