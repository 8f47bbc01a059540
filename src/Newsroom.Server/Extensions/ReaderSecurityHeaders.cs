namespace Newsroom.Server.Extensions;

/// <summary>Marks a page or endpoint readers get: it is sent with <see cref="ReaderSecurityHeaders"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReaderPageAttribute : Attribute;

/// <summary>
/// Security headers for reader pages: scripts only from this site's <c>/js/</c> (no inline script; the JSON-LD
/// block is data, which CSP does not run), nothing framed or embedded, no MIME sniffing, and only the origin as
/// referrer to other sites.
/// </summary>
public static class ReaderSecurityHeaders
{
    public static WebApplication UseReaderSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ReaderPageAttribute>() is not null)
            {
                var headers = context.Response.Headers;
                var request = context.Request;

                // A path in a source needs the host; a scheme of http also admits https, so this holds behind TLS.
                headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src {request.Scheme}://{request.Host}/js/; style-src 'self'; img-src 'self' https: data:; " +
                    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            }

            return next(context);
        });
        return app;
    }
}
