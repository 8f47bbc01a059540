namespace Newsroom.Grains.Comments;

/// <summary>
/// The people moderators banned from commenting anywhere in the newsroom (key: <see cref="Newsroom"/>): a guest by their
/// guest id and the hash of their email (a new cookie with the same email is still banned), or a member of staff by
/// user name. Thread grains ask it before taking a comment or a vote.
/// </summary>
[Alias("newsroom.comment-bans")]
public interface ICommentBansGrain : IGrainWithStringKey
{
    const string Newsroom = "newsroom";

    /// <summary>The ban that covers this person (by id, or by email hash), or null.</summary>
    [Alias("find")]
    Task<CommentBan?> Find(string authorId, string? emailHash);

    [Alias("ban")]
    Task<CommentBan> Ban(CommentBan ban);

    /// <summary>Lifts the ban on this person; false when there was none.</summary>
    [Alias("lift")]
    Task<bool> Lift(string authorId);

    [Alias("list")]
    Task<IReadOnlyList<CommentBan>> List();
}

/// <summary>A ban: whom (id, email hash, the name they used), who banned them, when and why.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-ban")]
public sealed record CommentBan(
    [property: Id(0)] string AuthorId,
    [property: Id(1)] string? EmailHash,
    [property: Id(2)] string AuthorName,
    [property: Id(3)] bool IsStaff,
    [property: Id(4)] string By,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] string Reason)
{
    /// <summary>What the banned person is told when they try to comment or vote.</summary>
    public string Refusal => IsStaff
        ? "A moderator has barred your account from commenting and voting."
        : "A moderator has banned you from commenting and voting here.";
}
