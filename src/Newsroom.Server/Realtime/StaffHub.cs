using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Realtime;

/// <summary>The staff's live connection: drafts, desks, their own inbox, and articles.</summary>
/// <remarks>
/// Draft calls refuse bad input with a <see cref="HubException"/> to the caller only. A push returns once
/// its updates are durable; SignalR runs one call per connection at a time, which is the order collab needs.
/// </remarks>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class StaffHub(ChannelMembership membership, IGrainFactory grains, ILogger<StaffHub> logger) : Hub<INewsroomClient>
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

    /// <summary>
    /// Joins <c>draft:{id}</c> first, then returns the view: events that arrive before it are ones the client
    /// buffers and skips by version.
    /// </summary>
    public async Task<DraftView> OpenDraft(string draftId)
    {
        var id = DraftArguments.Id(draftId);
        var user = DraftArguments.User(Context.User);
        var channel = ChannelName.Draft(id);
        await membership.Join(Context, Groups, channel);
        try
        {
            var view = await DraftArguments.Call(Draft(id).Open(Context.ConnectionId, user));
            OpenedDrafts.Add(Context, id);
            return view;
        }
        catch (HubException)
        {
            await membership.Leave(Context, Groups, channel);
            throw;
        }
    }

    /// <summary><paramref name="updates"/>: <c>[{ clientId, changes }]</c>, changes as CodeMirror's <c>ChangeSet.toJSON()</c>.</summary>
    public Task<PushResult> PushUpdates(string draftId, string field, int baseVersion, JsonElement updates)
    {
        var id = DraftArguments.Id(draftId);
        DraftArguments.RequireEdit(Context.User);
        var parsed = DraftArguments.Field(field);
        return DraftArguments.Call(Draft(id).Push(parsed, baseVersion, DraftArguments.Updates(updates), DraftArguments.User(Context.User)));
    }

    public Task<PulledUpdates> PullUpdates(string draftId, string field, int fromVersion)
    {
        var id = DraftArguments.Id(draftId);
        return DraftArguments.Call(Draft(id).Pull(DraftArguments.Field(field), fromVersion));
    }

    public Task<DraftMetadata> SetMetadata(string draftId, DraftMetadataChange change)
    {
        var id = DraftArguments.Id(draftId);
        DraftArguments.RequireEdit(Context.User);
        return DraftArguments.Call(Draft(id).SetMetadata(change ?? new DraftMetadataChange(), DraftArguments.User(Context.User)));
    }

    public async Task UpdatePresence(string draftId, DraftCursor cursor)
    {
        var id = DraftArguments.Id(draftId);
        if (cursor is null)
        {
            throw new HubException("A presence update needs { field, anchor, head }.");
        }

        await DraftArguments.Call(Draft(id).UpdatePresence(Context.ConnectionId, DraftArguments.User(Context.User), cursor));
        OpenedDrafts.Add(Context, id);
    }

    public async Task LeaveDraft(string draftId)
    {
        var id = DraftArguments.Id(draftId);
        OpenedDrafts.Remove(Context, id);
        await Draft(id).Leave(Context.ConnectionId);
        await membership.Leave(Context, Groups, ChannelName.Draft(id));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        membership.Disconnected(Context);
        foreach (var id in OpenedDrafts.All(Context))
        {
            try
            {
                await Draft(id).Leave(Context.ConnectionId);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The entry still expires when its heartbeats stop; this only makes it go sooner.
                StaffHubLog.LeaveFailed(logger, e, id);
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    private IDraftGrain Draft(string id) => grains.GetGrain<IDraftGrain>(id);
}
