using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// A reader's page on the reader hub, as a browser holds it: a cookie container keeps the signed guest cookie the hub
/// gives on connecting (or a staff member's sign-in cookie), and the hub calls the article page's script makes.
/// </summary>
public sealed class CommentReader : IAsyncDisposable
{
    private CommentReader(CookieContainer cookies, HubConnection hub) => (Cookies, Hub) = (cookies, hub);

    public CookieContainer Cookies { get; }

    public HubConnection Hub { get; }

    /// <summary>A guest (a new one unless <paramref name="cookies"/> already hold a guest cookie) or, with a staff session's cookies, that staff member.</summary>
    public static async Task<CommentReader> ConnectAsync(NewsroomServer server, CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/reader"), o => o.Cookies = cookies)
            .Build();
        await hub.StartAsync();
        return new CommentReader(cookies, hub);
    }

    public static object Guest(string text, string name = "Ana Reader", string email = "ana@example.org", long? replyTo = null) =>
        new { text, name, email, replyTo };

    public Task<JsonElement> Post(string slug, object form) => Hub.InvokeAsync<JsonElement>("PostComment", slug, form);

    public Task<JsonElement> Page(string slug, string? sort = null, string? cursor = null, bool inlineOnly = false) =>
        Hub.InvokeAsync<JsonElement>("LoadComments", slug, sort, cursor, inlineOnly);

    public async Task<string[]> Texts(string slug) =>
        [.. (await Page(slug)).GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString() ?? "")];

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
