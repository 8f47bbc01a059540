using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Server.Realtime;

/// <summary>Joining, leaving and catching up with channels, shared by the staff and the reader hub.</summary>
public sealed class ChannelMembership(ChannelListeners listeners, ChannelOwners owners, IGrainFactory grains)
{
    /// <summary>Parses the name or throws a <see cref="HubException"/> whose message the browser shows.</summary>
    public static ChannelName ParseOrReject(string? channel) =>
        ChannelName.TryParse(channel, out var parsed, out var error) ? parsed : throw new HubException(error);

    /// <summary>
    /// The channel, if a feature owns its kind and its listeners include <paramref name="audience"/>; otherwise a
    /// <see cref="HubException"/> saying why: listening to a channel nobody publishes on would be silence forever.
    /// </summary>
    public ChannelName Admit(ChannelName channel, ChannelAudience audience)
    {
        var listeners = owners.AudienceOf(channel.Kind)
            ?? throw new HubException($"Nothing is published on {ChannelName.KindText(channel.Kind)} channels yet, so {channel} cannot be joined.");
        if (!listeners.HasFlag(audience))
        {
            throw new HubException(audience == ChannelAudience.Readers
                ? $"Readers may listen to article channels only (and their comments), not {channel}."
                : $"{channel} is not a staff channel.");
        }

        return channel;
    }

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

    /// <summary>What the owner published after <paramref name="afterVersion"/>, or word to reload a snapshot.</summary>
    public Task<ChannelCatchUp> CatchUp(ChannelName channel, long afterVersion) =>
        owners.Resolve(grains, channel)!.CatchUp(afterVersion);

    public void Disconnected(HubCallerContext context) => listeners.Forget(context.ConnectionId);
}
