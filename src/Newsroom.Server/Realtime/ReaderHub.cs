using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>Readers' live connection: anonymous, and limited to the channels whose owners admit readers.</summary>
[AllowAnonymous]
public sealed class ReaderHub(ChannelMembership membership) : Hub<INewsroomClient>
{
    public Task Join(string channel) =>
        membership.Join(Context, Groups, membership.Admit(ChannelMembership.ParseOrReject(channel), ChannelAudience.Readers));

    public Task Leave(string channel) => membership.Leave(Context, Groups, ChannelMembership.ParseOrReject(channel));

    public Task<ChannelCatchUp> CatchUp(string channel, long afterVersion) =>
        membership.CatchUp(membership.Admit(ChannelMembership.ParseOrReject(channel), ChannelAudience.Readers), afterVersion);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        membership.Disconnected(Context);
        return base.OnDisconnectedAsync(exception);
    }
}
