namespace Newsroom.Core.Comments;

/// <summary>A web address in a comment: where it stands in the text, and the http(s) address it links to.</summary>
public sealed record CommentLink(int Start, int Length, string Href);
