namespace Newsroom.Core.Accounts;

/// <summary>The roles a staff account can hold. Readers hold none: they are anonymous guests.</summary>
public static class NewsroomRoles
{
    public const string Reporter = "reporter";
    public const string Editor = "editor";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Reporter, Editor, Moderator, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
