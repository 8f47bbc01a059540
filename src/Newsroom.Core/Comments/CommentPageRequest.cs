namespace Newsroom.Core.Comments;

/// <summary>
/// Which page of a thread a reader asks for. <see cref="ViewerId"/> (their guest id or user name) lets them see their
/// own comments that wait for a moderator, marked; nobody else sees those.
/// </summary>
public sealed record CommentPageRequest(CommentSort Sort = CommentSort.Newest, string? Cursor = null, string? ViewerId = null)
{
    /// <summary>Top-level comments per page: the first page is server-rendered under the story.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>A hundred comments is already a long page on a phone; more is a way to load the whole thread.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Replies shown under each comment before "n more replies".</summary>
    public const int DefaultRepliesShown = 3;

    public const int MaxRepliesShown = 20;

    public int PageSize { get; init; } = DefaultPageSize;

    public int RepliesShown { get; init; } = DefaultRepliesShown;

    /// <summary>Why this request cannot be answered, or null.</summary>
    public string? Problem() =>
        PageSize is < 1 or > MaxPageSize ? $"Page size must be 1..{MaxPageSize}; got {PageSize}."
        : RepliesShown is < 0 or > MaxRepliesShown ? $"Replies shown must be 0..{MaxRepliesShown}; got {RepliesShown}."
        : !Enum.IsDefined(Sort) ? $"Sort must be newest, oldest or most voted; got {(int)Sort}."
        : null;
}
