using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;

namespace Newsroom.Server.Pages.Articles;

/// <summary>The comment the page's <c>&lt;template&gt;</c> is rendered from: every part present, filled in by the script.</summary>
public static class CommentTemplate
{
    public static CommentItem Empty { get; } = new(
        0, null, 0, "", false, "", "", DateTimeOffset.UnixEpoch, CommentStatus.Published, false, false, 0, 0, null, false, null, null, [], 0, null);
}

/// <summary>What the comments section under a story is rendered from: the first page and the thread's edit window.</summary>
public sealed record CommentsSection(CommentPageResult Page, TimeSpan EditWindow);
