using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>Readers' live connection: anonymous, and limited to published articles' channels.</summary>
[AllowAnonymous]
public sealed class ReaderHub(ChannelMembership membership) : Hub<INewsroomClient>
{
    public Task Join(string channel)
    {
        var name = ChannelMembership.ParseOrReject(channel);
        if (name.Kind != ChannelKind.Article)
        {
            throw new HubException($"Readers may listen to article channels only, not {name}.");
        }

        return membership.Join(Context, Groups, name);
    }

    public Task Leave(string channel) => membership.Leave(Context, Groups, ChannelMembership.ParseOrReject(channel));

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        membership.Disconnected(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
