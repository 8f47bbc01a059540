namespace Newsroom.Core.Comments;

/// <summary>
/// Either the cleaned text a reader's comment body, display name or email becomes, or why it is refused. The
/// <see cref="Field"/> lets a form put the reason next to the box it is about; the reason never repeats what was
/// typed, so showing it can never show markup.
/// </summary>
public sealed record CommentTextCheck(string Field, string Text, string? Refusal)
{
    public const string BodyField = "body";
    public const string NameField = "name";
    public const string EmailField = "email";

    public bool Accepted => Refusal is null;

    public static CommentTextCheck Accept(string field, string text) => new(field, text, null);

    public static CommentTextCheck Refuse(string field, string reason) => new(field, "", reason);
}
