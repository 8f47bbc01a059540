namespace Newsroom.Grains.Comments;

/// <summary>
/// A comment someone wants to post: on the story, as a reply (<see cref="ReplyTo"/>), or about a passage of the story
/// (<see cref="Anchor"/>, for inline feedback). <see cref="Key"/>, made by the writer's page for each comment, makes a
/// resend of it (after "did not answer in time", or a lost connection) answer the comment already stored, not a second.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-post")]
public sealed record CommentPost(
    [property: Id(0)] CommentWriter Author,
    [property: Id(1)] string Text,
    [property: Id(2)] long? ReplyTo = null,
    [property: Id(3)] CommentAnchorRequest? Anchor = null,
    [property: Id(4)] string? Key = null)
{
    public const int MinKeyLength = 8;
    public const int MaxKeyLength = 64;

    /// <summary>A key is 8 to 64 letters, digits, '-' or '_': a random id, never anything a reader wrote.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is >= MinKeyLength and <= MaxKeyLength && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>
/// The passage a reader selected: offsets (UTF-16) in the body of the published version they were reading, and the
/// text their page showed there, which must match it.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-anchor-request")]
public sealed record CommentAnchorRequest(
    [property: Id(0)] int Version,
    [property: Id(1)] int From,
    [property: Id(2)] int To,
    [property: Id(3)] string Quote);

/// <summary>
/// The answer to a post: the comment as its author now sees it, whether it waits for a moderator and why (the
/// author alone learns that; a held comment is not broadcast), and the channel version it was broadcast at (0 when held).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-posted")]
public sealed record PostedComment(
    [property: Id(0)] CommentItem Comment,
    [property: Id(1)] bool Held,
    [property: Id(2)] string? HeldBecause,
    [property: Id(3)] long ChannelVersion);

/// <summary>What would happen to a comment if it were posted now, worded for its writer; nothing is stored.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-post-check")]
public sealed record CommentPostCheck(
    [property: Id(0)] Core.Comments.ModerationOutcome Outcome,
    [property: Id(1)] string? Message,
    [property: Id(2)] bool RephrasingHelps);
