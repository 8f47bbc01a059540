namespace Newsroom.Core.Comments;

/// <summary>A passage of the latest version (its offsets) and how many inline comments are about it.</summary>
public sealed record PassageComments(int From, int To, int Comments);
