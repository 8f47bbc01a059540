using Newsroom.Core.Notifications;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Notifications;

public static class ReaderInboxEndpoints
{
    /// <summary>
    /// <c>GET /notifications/inbox-channel</c>: <c>{ channel }</c>, the caller's inbox channel or null. Reader pages are
    /// kept in the output cache for everyone, so their script asks this before it shows a bell: the page itself never
    /// differs per guest.
    /// </summary>
    public static WebApplication MapReaderInbox(this WebApplication app)
    {
        app.MapGet("/notifications/inbox-channel", async (HttpContext http, IGrainFactory grains, GuestIdentity guests) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var key = await grains.OwnInboxKey(http, guests);
            return Results.Ok(new { channel = key is null ? null : InboxKey.ChannelOf(key).ToString() });
        });
        return app;
    }
}
