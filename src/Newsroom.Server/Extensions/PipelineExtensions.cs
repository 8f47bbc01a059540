using Newsroom.Server.Apis;
using Newsroom.Server.Auth;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Extensions;

public static class PipelineExtensions
{
    public static WebApplication UseNewsroomPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        // A person who follows a wrong link gets a page in the site's layout; scripts and hubs keep short
        // plain answers (and their own problem details).
        app.UseWhen(
            context => !IsForScripts(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.UseWhen(context => IsForScripts(context.Request.Path), scripts => scripts.UseStatusCodePages());
        app.UseMiddleware<BusyAnswers>();
        app.UseRouting();
        app.UseNewsroomSecurityHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseGuestIdentity();
        // After authentication: a signed-in person's pages (their name in the header) are never kept.
        app.UseOutputCache();
        app.UseAntiforgery();
        app.UseStaffSocketsWithoutCookies();
        return app;
    }

    /// <summary>
    /// Static files from the build's manifest (compressed with brotli and gzip at build time, a year's cache
    /// on fingerprinted addresses), and the pages, whose tag helpers render those fingerprinted addresses.
    /// </summary>
    public static WebApplication MapNewsroomPages(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }

    /// <summary>Requests that scripts make (and health probes): short answers and problem details, never an HTML page.</summary>
    public static bool IsForScripts(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health")
        || path.StartsWithSegments(TelemetryExtensions.MetricsPath);
}
