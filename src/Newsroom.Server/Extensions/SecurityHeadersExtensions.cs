namespace Newsroom.Server.Extensions;

/// <summary>Marks a page or endpoint readers get: it is sent with the stricter <see cref="SecurityHeadersExtensions.ReaderPolicy"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReaderPageAttribute : Attribute;

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

    /// <summary>
    /// The Orleans dashboard (admins only) embeds its icon font as a data: address; nothing else differs from the staff
    /// pages' policy. A font cannot run script.
    /// </summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>
    /// Reader pages run no editor, so they are held tighter: scripts only from <c>/js/</c> (the JSON-LD block is data,
    /// which CSP does not run), no inline styles, images from anywhere secure (stories embed them).
    /// A path in a source needs the host; a scheme of http also admits https, so this holds behind TLS.
    /// </summary>
    public static string ReaderPolicy(HttpRequest request) =>
        $"default-src 'self'; script-src {request.Scheme}://{request.Host}/js/; style-src 'self'; img-src 'self' https: data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The same headers on every response (pages, errors, API answers, static files), with the reader policy for
    /// endpoints marked <see cref="ReaderPageAttribute"/>. After routing, so the endpoint is known.
    /// </summary>
    public static WebApplication UseNewsroomSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ReaderPageAttribute>() is not null
                ? ReaderPolicy(context.Request)
                : context.Request.Path.StartsWithSegments(TelemetryExtensions.DashboardPath)
                    ? DashboardPolicy
                    : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return next(context);
        });
        return app;
    }
}
