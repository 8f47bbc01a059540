namespace Newsroom.Core.Comments;

/// <summary>
/// What the moderation rules look at for one comment about to be posted. The link count comes from the comment text
/// rules (which find the links they will auto-link), so both agree on what a link is.
/// </summary>
public sealed record CommentSubmission(CommentAuthor Author, string Text, int LinkCount);

/// <summary>One of the author's earlier comments, as the rules need it: what it said, when, and how it was judged.</summary>
public sealed record AuthorRecentComment(string Text, DateTimeOffset PostedAt, CommentStatus Status);

/// <summary>
/// What the newsroom knows of an author's past comments: how many were approved, and their latest comments (any
/// order; the rules sort them). The caller decides how far back to keep; the rules look at
/// <see cref="CommentSettings.RecentCommentsConsidered"/> decided ones and those within the repeat window.
/// </summary>
public sealed record AuthorHistory(int ApprovedCount, IReadOnlyList<AuthorRecentComment> Recent)
{
    /// <summary>Someone who never commented before.</summary>
    public static AuthorHistory None { get; } = new(0, []);
}
