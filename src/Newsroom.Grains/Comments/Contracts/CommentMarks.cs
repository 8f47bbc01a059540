using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments;

/// <summary>
/// A reader's own marks on comments their page shows: which are theirs (Edit and Delete, within the edit window) and
/// how they voted. The article page is kept in the output cache for everyone, so its HTML cannot carry them; the page's
/// script asks once connected.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-marks")]
public sealed record CommentMarks([property: Id(0)] IReadOnlyList<CommentMark> Comments)
{
    /// <summary>The most comments one question may name: more than a page shows after several "Load more" presses.</summary>
    public const int MaxComments = 1_000;

    public static readonly CommentMarks None = new([]);
}

/// <summary>One comment the reader wrote (<see cref="IsMine"/>) or voted on (<see cref="MyVote"/>).</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-mark")]
public sealed record CommentMark(
    [property: Id(0)] long Id,
    [property: Id(1)] bool IsMine,
    [property: Id(2)] CommentVote MyVote);
