using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// Someone posting through the reader hub, as the article page's comment form does: a signed-in staff member (whose
/// comments are never held), or, without a staff session's cookies, a guest of their own with a name and an email.
/// </summary>
internal sealed class CommentPoster : IAsyncDisposable
{
    private readonly string? _guestName;

    private CommentPoster(HubConnection hub, string? guestName) => (Hub, _guestName) = (hub, guestName);

    public HubConnection Hub { get; }

    public static async Task<CommentPoster> ConnectAsync(NewsroomServer server, CookieContainer? staffCookies, string? guestName = null)
    {
        var cookies = staffCookies ?? new CookieContainer();
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/reader"), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await hub.StartAsync();
        return new CommentPoster(hub, staffCookies is null ? guestName ?? "Guest reader" : null);
    }

    /// <summary>Posts and returns the comment's id and how long the durable acknowledgement took.</summary>
    public async Task<(long Id, TimeSpan Took, long AckedAt)> PostAsync(string slug, string text)
    {
        var started = Stopwatch.GetTimestamp();
        object form = _guestName is null
            ? new { text }
            : new { text, name = _guestName, email = $"{_guestName.Replace(' ', '.').ToLowerInvariant()}@example.org" };
        var posted = await Hub.InvokeAsync<JsonElement>("PostComment", slug, form);
        var acked = Stopwatch.GetTimestamp();
        return (posted.GetProperty("comment").GetProperty("id").GetInt64(), Stopwatch.GetElapsedTime(started, acked), acked);
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
