using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Articles;

/// <summary>The comment the page's <c>&lt;template&gt;</c> is rendered from: every part present, filled in by the script.</summary>
public static class CommentTemplate
{
    public static CommentItem Empty { get; } = new(
        0, null, 0, "", false, "", "", DateTimeOffset.UnixEpoch, CommentStatus.Published, false, false, 0, 0, null, false, null, null, [], 0, null);
}

/// <summary>
/// What the comments section under a story is rendered from: the first page, the thread's edit window, and what the
/// story offers to follow (its section, author and tags) for the Subscribe form.
/// </summary>
public sealed record CommentsSection(CommentPageResult Page, TimeSpan EditWindow, StoryFollowOffer Follow);
