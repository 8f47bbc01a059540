using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// A signed-in staff member posting through the reader hub, as the article page's comment form does (staff comments are
/// never held, so every post is stored and broadcast).
/// </summary>
internal sealed class CommentPoster : IAsyncDisposable
{
    private CommentPoster(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    public static async Task<CommentPoster> ConnectAsync(NewsroomServer server, CookieContainer cookies)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/reader"), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await hub.StartAsync();
        return new CommentPoster(hub);
    }

    /// <summary>Posts and returns the comment's id and how long the durable acknowledgement took.</summary>
    public async Task<(long Id, TimeSpan Took, long AckedAt)> PostAsync(string slug, string text)
    {
        var started = Stopwatch.GetTimestamp();
        var posted = await Hub.InvokeAsync<JsonElement>("PostComment", slug, new { text });
        var acked = Stopwatch.GetTimestamp();
        return (posted.GetProperty("comment").GetProperty("id").GetInt64(), Stopwatch.GetElapsedTime(started, acked), acked);
    }

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
