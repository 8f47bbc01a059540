using System.Globalization;
using System.Text.Json;
using Newsroom.Core.Comments;

namespace Newsroom.Server.Pages.Articles;

/// <summary>How reader pages word a thread's counts, as the page's script words them when they change live.</summary>
public static class CommentText
{
    public static string Count(int comments) => comments == 1 ? "1 comment" : $"{N(comments)} comments";

    public static string MoreReplies(int replies) => replies == 1 ? "1 more reply" : $"{N(replies)} more replies";

    /// <summary>The status as the hub's JSON names it ("published", "pending"), for the script's data attributes.</summary>
    public static string Status(CommentStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
