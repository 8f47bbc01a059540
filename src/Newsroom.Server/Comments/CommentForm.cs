using Newsroom.Grains.Comments;

namespace Newsroom.Server.Comments;

/// <summary>
/// What a reader's comment form sends: the text, the comment it answers or the passage it is about, and for a guest
/// the name other readers see and the email that is never shown (staff are known by their sign-in instead); the key the
/// page made for this comment, the same when it sends it again.
/// </summary>
public sealed record CommentForm(
    string? Text,
    long? ReplyTo = null,
    string? Name = null,
    string? Email = null,
    CommentAnchorRequest? Anchor = null,
    string? Key = null);
