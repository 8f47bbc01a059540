namespace Newsroom.Core.Comments;

/// <summary>
/// The answer of a thread operation: done, with the comment as it now is (to store, then broadcast), or refused with
/// a sentence for the person who asked. A refusal changes nothing. <see cref="Gone"/> lists comments that left the
/// thread for good (a deleted comment without replies, and a "comment deleted" left with no replies), whose rows go.
/// </summary>
public sealed record CommentChange(bool Done, string? Refusal, Comment? Comment, IReadOnlyList<long> Gone)
{
    public static CommentChange Accept(Comment comment) => new(true, null, comment, []);

    public static CommentChange Removed(IReadOnlyList<long> gone) => new(true, null, null, gone);

    public static CommentChange Refuse(string reason) => new(false, reason, null, []);
}
