using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>Joining and leaving channels, shared by the staff and the reader hub.</summary>
public sealed class ChannelMembership(ChannelListeners listeners)
{
    /// <summary>Parses the name or throws a <see cref="HubException"/> whose message the browser shows.</summary>
    public static ChannelName ParseOrReject(string? channel) =>
        ChannelName.TryParse(channel, out var parsed, out var error) ? parsed : throw new HubException(error);

    public async Task Join(HubCallerContext context, IGroupManager groups, ChannelName channel)
    {
        // Group first, then subscription: once Join returns, every later event reaches this connection.
        await groups.AddToGroupAsync(context.ConnectionId, channel.ToString(), context.ConnectionAborted);
        await listeners.Listen(context.ConnectionId, channel);
    }

    public async Task Leave(HubCallerContext context, IGroupManager groups, ChannelName channel)
    {
        await groups.RemoveFromGroupAsync(context.ConnectionId, channel.ToString(), context.ConnectionAborted);
        listeners.Leave(context.ConnectionId, channel);
    }

    public void Disconnected(HubCallerContext context) => listeners.Forget(context.ConnectionId);
}
