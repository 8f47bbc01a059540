using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>Mona, the demo moderator, on the staff hub.</summary>
internal sealed class Moderator : IAsyncDisposable
{
    private readonly StaffSession _session;

    private Moderator(StaffSession session, HubConnection hub) => (_session, Hub) = (session, hub);

    public HubConnection Hub { get; }

    public static async Task<Moderator> ConnectAsync(NewsroomServer server, string userName = "mona", string password = "mona-demo")
    {
        var session = await server.SignInAsync(userName, password);
        var hub = session.Connect();
        await hub.StartAsync();
        return new Moderator(session, hub);
    }

    public Task<JsonElement> Queue(string slug) => Hub.InvokeAsync<JsonElement>("CommentQueue", slug, 50);

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        _session.Dispose();
    }
}
