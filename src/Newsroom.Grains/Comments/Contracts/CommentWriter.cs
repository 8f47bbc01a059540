namespace Newsroom.Grains.Comments;

/// <summary>
/// Who is writing, as the hub knows them: a guest (the id of their signed <c>newsroom.guest</c> cookie, the name they
/// typed and their email, which the grain checks and keeps only as a hash) or a signed-in member of staff (user name
/// and display name, shown with a badge).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-writer")]
public sealed record CommentWriter(
    [property: Id(0)] string Id,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] bool IsStaff,
    [property: Id(3)] string? Email = null)
{
    public static CommentWriter Guest(string guestId, string displayName, string email) => new(guestId, displayName, false, email);

    public static CommentWriter Staff(string userName, string displayName) => new(userName, displayName, true);
}

/// <summary>A moderator acting on comments: their user name and the name the record shows.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-moderator")]
public sealed record CommentModerator(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName);
