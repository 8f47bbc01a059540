using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Newsroom.Server.Realtime;

/// <summary>
/// A WebSocket keeps the request that opened it for as long as it lives. On the staff hub the sign-in cookie is read
/// once, by authentication, to know who connects; after that it only takes room: about 1.7 KB, held twice (the header
/// and its parsed value), a tenth of an idle connection. Runs last in the pipeline, once authentication,
/// authorization and the guest cookie have had it. The reader hub keeps its cookies: it reads the guest's on calls.
/// </summary>
public static class StaffSocketCookies
{
    public static IApplicationBuilder UseStaffSocketsWithoutCookies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.WebSockets.IsWebSocketRequest
                && context.Request.Path.StartsWithSegments(StaffHub.Path)
                && context.User.Identity?.IsAuthenticated == true)
            {
                context.Request.Headers.Cookie = StringValues.Empty;
                context.Features.Set<IRequestCookiesFeature>(null);
            }

            return next(context);
        });
}
