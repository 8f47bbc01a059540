namespace Newsroom.Core.Comments;

/// <summary>
/// Who wrote a comment: a guest (the id from the <c>newsroom.guest</c> cookie) or a signed-in staff member (their user
/// name), and the name shown. Staff comments carry a badge and skip the holds meant for strangers.
/// </summary>
public sealed record CommentAuthor(string Id, string DisplayName, bool IsStaff)
{
    public static CommentAuthor Guest(string guestId, string displayName) => new(guestId, displayName, IsStaff: false);

    public static CommentAuthor Staff(string userName, string displayName) => new(userName, displayName, IsStaff: true);
}
