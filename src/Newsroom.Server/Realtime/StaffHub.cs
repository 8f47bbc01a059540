using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Realtime;

/// <summary>The staff's live connection: drafts, desks, their own inbox, and articles.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class StaffHub(ChannelMembership membership) : Hub<INewsroomClient>
{
    public Task Join(string channel)
    {
        var name = ChannelMembership.ParseOrReject(channel);
        if (name.Kind == ChannelKind.User && !string.Equals(name.Key, Context.UserIdentifier, StringComparison.OrdinalIgnoreCase))
        {
            throw new HubException($"You may listen to your own user channel only, not {name}.");
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
