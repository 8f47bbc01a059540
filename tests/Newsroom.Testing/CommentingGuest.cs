using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Newsroom.Testing;

/// <summary>
/// A guest who comments once through the reader hub, with a guest cookie of their own: a new person each time, so
/// tests that set a page up with several comments are not slowed by the per-person rate limit.
/// </summary>
public static class CommentingGuest
{
    /// <summary>Posts as a new guest and returns the comment's id; with <paramref name="anchor"/> (version, from, to, quote) about a passage.</summary>
    public static async Task<long> PostAsync(NewsroomServer server, string slug, string text, long? replyTo = null, string name = "Ana Reader", object? anchor = null)
    {
        var cookies = new CookieContainer();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/reader"), o => o.Cookies = cookies)
            .Build();
        await hub.StartAsync();
        var posted = await hub.InvokeAsync<JsonElement>("PostComment", slug, new { text, replyTo, name, email = "reader@example.org", anchor });
        return posted.GetProperty("comment").GetProperty("id").GetInt64();
    }

    /// <summary>Lets guests' comments on the story appear at once (the site holds a guest's first two for a moderator).</summary>
    public static async Task TrustGuestsAsync(NewsroomServer server, string slug)
    {
        using var mona = await server.SignInAsync("mona", "mona-demo");
        await using var hub = mona.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("SetCommentSettings", slug, new { guestApprovalsBeforeTrust = 0 });
    }
}
