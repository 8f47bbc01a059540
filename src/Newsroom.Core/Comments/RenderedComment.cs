namespace Newsroom.Core.Comments;

/// <summary>A comment's text as HTML safe to put inside a page, and how many links it holds.</summary>
public sealed record RenderedComment(string Html, int LinkCount);
