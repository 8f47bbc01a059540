using System.Security.Cryptography;
using System.Text;
using Newsroom.Core.Comments;

namespace Newsroom.Core.Notifications;

/// <summary>A guest's email as the newsroom keeps it: only its hash, the same one the comment threads keep.</summary>
public static class GuestEmail
{
    /// <summary>The SHA-256 (64 lower-case hex digits) of the email as <see cref="CommentText.CheckGuestEmail"/> accepts it (trimmed, lower case).</summary>
    public static string Hash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CommentText.CheckGuestEmail(email).Text)));
}
