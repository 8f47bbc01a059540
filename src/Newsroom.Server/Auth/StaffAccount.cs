namespace Newsroom.Server.Auth;

/// <summary>A newsroom staff member who can sign in. Configured under <c>Newsroom:Staff:Accounts</c>.</summary>
public sealed class StaffAccount
{
    /// <summary>The sign-in name, also the user id in channels such as <c>user:{UserName}</c>.</summary>
    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public List<string> Roles { get; set; } = [];

    /// <summary>Where their notification emails go (optional: without it they get none); checked at start.</summary>
    public string? Email { get; set; }

    /// <summary>From <c>hash-password</c>: never the password itself.</summary>
    public string PasswordHash { get; set; } = "";
}
