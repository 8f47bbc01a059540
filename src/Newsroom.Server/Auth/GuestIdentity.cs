using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Newsroom.Grains;

namespace Newsroom.Server.Auth;

/// <summary>
/// Readers are anonymous; a random id in a long-lived cookie lets the site tell one guest from another (their own
/// comments, their votes) without an account. The cookie is signed with the newsroom's data protection keys (kept in
/// blob storage, shared by every silo), so nobody can take another guest's id by writing it into a cookie.
/// </summary>
public sealed class GuestIdentity(IDataProtectionProvider protection)
{
    public const string CookieName = "newsroom.guest";

    public const string ReaderHubPath = "/hubs/reader";

    private readonly IDataProtector _protector = protection.CreateProtector("newsroom.guest-identity.v1");

    /// <summary>What the request's guest cookie says: the guest's id, or no cookie, or one this newsroom did not give.</summary>
    public GuestCookie Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return new GuestCookie(null, Present: false);
        }

        try
        {
            var id = _protector.Unprotect(value);
            return new GuestCookie(IsWellFormed(id) ? id : null, Present: true);
        }
        catch (CryptographicException)
        {
            return new GuestCookie(null, Present: true);
        }
    }

    /// <summary>The guest's id, for a call that writes as that guest; a missing or forged cookie is refused with the reason.</summary>
    /// <exception cref="RefusalException">No valid guest cookie came with the connection.</exception>
    public string Require(HttpContext? context)
    {
        var cookie = context is null ? new GuestCookie(null, Present: false) : Read(context);
        return cookie switch
        {
            { Id: { } id } => id,
            { Present: true } => throw new RefusalException("Your guest identity could not be verified: reload the page to get a new one."),
            _ => throw new RefusalException("Your browser did not send a guest identity: allow this site's cookies and reload the page."),
        };
    }

    /// <summary>
    /// Gives a guest without a valid cookie a new id when their page connects to the reader hub, the first thing a
    /// guest does that may need one (a forged or damaged cookie is replaced). Reading needs none: a page that set a
    /// cookie could not be served from the published pages' cache to everyone else.
    /// </summary>
    public void GiveIfMissing(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            || !context.Request.Path.StartsWithSegments(ReaderHubPath)
            || Read(context).Id is not null)
        {
            return;
        }

        var id = "g-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        context.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
    }

    private static bool IsWellFormed(string? id) =>
        id is { Length: 26 } && id.StartsWith("g-", StringComparison.Ordinal) && id.AsSpan(2).ContainsAnyExcept("0123456789abcdef") is false;
}

/// <summary>A request's guest cookie: <see cref="Id"/> when it is one this newsroom gave; <see cref="Present"/> with no id when forged or damaged.</summary>
public readonly record struct GuestCookie(string? Id, bool Present)
{
    public bool IsForged => Present && Id is null;
}

public static class GuestIdentityExtensions
{
    public static IApplicationBuilder UseGuestIdentity(this IApplicationBuilder app)
    {
        var guests = app.ApplicationServices.GetRequiredService<GuestIdentity>();
        return app.Use((context, next) =>
        {
            guests.GiveIfMissing(context);
            return next(context);
        });
    }
}
