using System.Security.Cryptography;

namespace Newsroom.Server.Auth;

/// <summary>
/// Readers are anonymous; a random id in a long-lived cookie lets the site tell one guest from another
/// (their own comments, their votes) without an account.
/// </summary>
public static class GuestIdentity
{
    public const string CookieName = "newsroom.guest";

    public const string ReaderHubPath = "/hubs/reader";

    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var id) && IsWellFormed(id) ? id : null;

    /// <summary>
    /// Gives a guest without a valid cookie a new id when their page connects to the reader hub, the first thing a
    /// guest does that may need one. Reading needs none: a page that set a cookie could not be served from the
    /// published pages' cache to everyone else.
    /// </summary>
    public static IApplicationBuilder UseGuestIdentity(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated != true && Read(context) is null && context.Request.Path.StartsWithSegments(ReaderHubPath))
        {
            var id = "g-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        await next(context);
    });

    private static bool IsWellFormed(string? id) =>
        id is { Length: 26 } && id.StartsWith("g-", StringComparison.Ordinal) && id.AsSpan(2).ContainsAnyExcept("0123456789abcdef") is false;
}
