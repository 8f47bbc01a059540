namespace Newsroom.Grains.Comments;

/// <summary>
/// A comment someone wants to post: on the story, as a reply (<see cref="ReplyTo"/>), or about a passage of the story
/// (<see cref="Anchor"/>, for inline feedback).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.comment-post")]
public sealed record CommentPost(
    [property: Id(0)] CommentWriter Author,
    [property: Id(1)] string Text,
    [property: Id(2)] long? ReplyTo = null,
    [property: Id(3)] CommentAnchorRequest? Anchor = null);

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
