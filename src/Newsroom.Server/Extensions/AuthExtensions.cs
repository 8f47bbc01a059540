using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Newsroom.Server.Auth;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Extensions;

public static class AuthExtensions
{
    /// <summary>Cookie sign-in for staff accounts from configuration, throttled on failures; policies by role.</summary>
    public static WebApplicationBuilder AddNewsroomAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(StaffDirectory.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton(new SignInThrottle(SignInOptions.FromConfiguration(builder.Configuration)));
        builder.Services.AddSingleton<BlobKeyRepository>();
        builder.Services.AddSingleton<GuestIdentity>();
        builder.Services.AddDataProtection().SetApplicationName("newsroom");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<BlobKeyRepository>((o, keys) => o.XmlRepository = keys);
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "newsroom.staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/signin";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // Scripts and hubs get a status code, not a redirect to an HTML sign-in page.
                o.Events.OnRedirectToLogin = context => RejectOrRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => RejectOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        builder.Services.AddAuthorizationBuilder().AddNewsroomPolicies();
        return builder;
    }

    private static Task RejectOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments(TelemetryExtensions.MetricsPath))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
