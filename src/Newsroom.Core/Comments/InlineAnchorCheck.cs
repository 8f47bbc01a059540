namespace Newsroom.Core.Comments;

/// <summary>Either the anchor for a reader's selection, or why the selection cannot be commented on.</summary>
public sealed record InlineAnchorCheck(InlineAnchor? Anchor, string? Refusal)
{
    public bool Accepted => Refusal is null;

    public static InlineAnchorCheck Accept(InlineAnchor anchor) => new(anchor, null);

    public static InlineAnchorCheck Refuse(string reason) => new(null, reason);
}
