namespace Newsroom.Core.Comments;

/// <summary>The order of a story's top-level comments. Featured comments come first in each; replies always read oldest first.</summary>
public enum CommentSort
{
    Newest,
    Oldest,

    /// <summary>Highest score (up votes minus down votes) first; equal scores newest first, so fresh comments get seen.</summary>
    MostVoted,
}
