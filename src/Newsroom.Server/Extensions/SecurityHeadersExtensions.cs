namespace Newsroom.Server.Extensions;

public static class SecurityHeadersExtensions
{
    /// <summary>
    /// Scripts only from this site's own files (no inline script, no eval), nothing framed or embedded, and
    /// the hubs reached only on this origin; 'self' covers same-origin WebSockets in current browsers.
    /// Styles allow 'unsafe-inline' because CodeMirror injects its base styles as &lt;style&gt; elements: under
    /// style-src 'self' Chromium refused them and the editors lost their layout. Style sheets by address
    /// still come only from here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>The same headers on every response: pages, errors, API answers and static files.</summary>
    public static WebApplication UseNewsroomSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
        return app;
    }
}
