namespace Newsroom.Server.Auth;

public static class NewsroomPolicies
{
    /// <summary>Any signed-in staff member, whatever the role.</summary>
    public const string Staff = "staff";
}
