using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Auth;
using Newsroom.Server.Comments;
using Newsroom.Server.Drafts;
using Newsroom.Server.Notifications;
using Newsroom.Server.Pages.Articles;

namespace Newsroom.Server.Realtime;

/// <summary>The staff's live connection: drafts, desks, their own inbox, and articles.</summary>
/// <remarks>
/// Thin: arguments are checked by the attributes on them, rights by <see cref="RequiresPolicyAttribute"/>, and a
/// grain's refusal or timeout reaches the caller through <see cref="HubCallFilter"/>. A push returns once its
/// updates are durable. Up to four calls of one connection run at once (see RealtimeExtensions); the draft grain
/// orders what must be ordered.
/// </remarks>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed partial class StaffHub(
    ChannelMembership membership,
    IGrainFactory grains,
    HubGrains hubGrains,
    StaffDirectory staff,
    ILogger<StaffHub> logger) : Hub<INewsroomClient>
{
    public const string Path = "/hubs/staff";

    public Task Join(string channel) => membership.Join(Context, Groups, Admit(channel));

    public Task Leave(string channel) => membership.Leave(Context, Groups, ChannelMembership.ParseOrReject(channel));

    public Task<ChannelCatchUp> CatchUp(string channel, long afterVersion) => membership.CatchUp(Admit(channel), afterVersion);

    /// <summary>
    /// Listens to <c>draft:{id}</c> and returns the view, listing this connection as present (at most
    /// <see cref="DraftLimits.MaxEditorsInView"/> others are listed; <c>present</c> counts everyone).
    /// </summary>
    [WhenBusy(DraftCaller.BusyMessage)]
    public Task<DraftView> OpenDraft([DraftId] string draftId) =>
        ListeningTo(draftId, async draft =>
        {
            var view = await draft.Open(Context.ConnectionId, Context.AsDraftUser());
            OpenedDrafts.Add(Context, draftId);
            return view;
        });

    /// <summary>
    /// Listens to <c>draft:{id}</c> and returns the view, as <see cref="OpenDraft"/> does, without being listed as
    /// present: for whoever only follows the draft (a moderator, someone reading over the reporters' shoulders).
    /// </summary>
    [WhenBusy(DraftCaller.BusyMessage)]
    public Task<DraftView> WatchDraft([DraftId] string draftId) => ListeningTo(draftId, draft => draft.Watch());

    /// <summary><paramref name="updates"/>: <c>[{ clientId, changes }]</c>, changes as CodeMirror's <c>ChangeSet.toJSON()</c>.</summary>
    [WhenBusy(DraftCaller.BusyMessage)]
    [RequiresPolicy(NewsroomPolicies.EditDrafts)]
    public Task<PushResult> PushUpdates([DraftId] string draftId, string field, int baseVersion, JsonElement updates) =>
        Draft(draftId).Push(DraftFields.Parse(field), baseVersion, PushedJson.Read(updates), Context.AsDraftUser());

    [WhenBusy(DraftCaller.BusyMessage)]
    public Task<PulledUpdates> PullUpdates([DraftId] string draftId, string field, int fromVersion) =>
        Draft(draftId).Pull(DraftFields.Parse(field), fromVersion);

    [WhenBusy(DraftCaller.BusyMessage)]
    [RequiresPolicy(NewsroomPolicies.EditDrafts)]
    public Task<DraftMetadata> SetMetadata([DraftId] string draftId, DraftMetadataChange change) =>
        Draft(draftId).SetMetadata(change ?? new DraftMetadataChange(), Context.AsDraftUser());

    [WhenBusy(DraftCaller.BusyMessage)]
    public async Task UpdatePresence([DraftId] string draftId, DraftCursor cursor)
    {
        if (cursor is null)
        {
            throw new HubException("A presence update needs { field, anchor, head }.");
        }

        await Draft(draftId).UpdatePresence(Context.ConnectionId, Context.AsDraftUser(), cursor);
        OpenedDrafts.Add(Context, draftId);
    }

    /// <summary>
    /// Takes a workflow step (<c>submit</c>, <c>send-back</c>, <c>approve</c>, <c>publish</c>, <c>update</c>,
    /// <c>withdraw</c>, <c>archive</c>, <c>restore</c>); for <c>update</c>, <paramref name="kind"/> is <c>update</c> or
    /// <c>correction</c>. Who may take which step is the workflow's rule, checked in the grain.
    /// </summary>
    [WhenBusy(DraftCaller.BusyMessage)]
    public Task<DraftWorkflow> TakeStep([DraftId] string draftId, string step, string? note, string? kind) =>
        Draft(draftId).TakeStep(
            new WorkflowRequest(WorkflowArguments.Step(step), note, WorkflowArguments.Kind(kind)), Context.AsDraftUser());

    /// <summary>Assigns the draft to a staff member by user name, or to nobody with an empty name.</summary>
    [RequiresPolicy(NewsroomPolicies.EditDrafts)]
    [WhenBusy(DraftCaller.BusyMessage)]
    public Task<DraftWorkflow> Assign([DraftId] string draftId, string? userName)
    {
        var account = string.IsNullOrEmpty(userName) ? null
            : staff.Find(userName) ?? throw new HubException($"There is no staff member '{userName}' to assign the draft to.");
        return Draft(draftId).Assign(
            account is null ? null : new DraftAssignee(account.UserName, account.DisplayName), Context.AsDraftUser());
    }

    [WhenBusy(DraftCaller.BusyMessage)]
    public async Task LeaveDraft([DraftId] string draftId)
    {
        OpenedDrafts.Remove(Context, draftId);
        await Draft(draftId).Leave(Context.ConnectionId);
        await membership.Leave(Context, Groups, ChannelName.Draft(draftId));
    }

    /// <summary>
    /// A moderator's decision on a comment: <c>approve</c>, <c>reject</c>, <c>remove</c>, <c>feature</c>,
    /// <c>unfeature</c> or <c>ban</c> (its author, newsroom-wide); recorded with who, when and <paramref name="reason"/>.
    /// </summary>
    [RequiresPolicy(NewsroomPolicies.Moderate)]
    [WhenBusy(ReaderHub.BusyMessage)]
    public Task<CommentItem> ModerateComment([ArticleSlug] string slug, long commentId, string action, string? reason) =>
        Comments(slug).Moderate(commentId, CommentCaller.Action(action), CommentCaller.Moderator(Context.User), reason);

    /// <summary>A story's moderation queue: comments waiting for a moderator, oldest first, and reported ones.</summary>
    [RequiresPolicy(NewsroomPolicies.Moderate)]
    [WhenBusy(ReaderHub.BusyMessage)]
    public Task<CommentQueue> CommentQueue([ArticleSlug] string slug, int max) =>
        max is >= 1 and <= CommentCaller.QueueMax
            ? Comments(slug).AwaitingModeration(max)
            : throw new CommentException($"Ask for 1 to {CommentCaller.QueueMax} queued comments; got {max}.");

    /// <summary>
    /// The newsroom's moderation queue, every story's held and reported comments longest waiting first:
    /// <paramref name="filter"/> <c>all</c>, <c>pending</c>, <c>awaiting-approval</c>, <c>held-by-rule</c> or
    /// <c>reported</c>; <paramref name="cursor"/> the <c>nextCursor</c> of the page before. Live on <c>moderation:newsroom</c>.
    /// </summary>
    [RequiresPolicy(NewsroomPolicies.Moderate)]
    [WhenBusy(ReaderHub.BusyMessage)]
    public Task<ModerationQueueView> ModerationQueue(string? filter, int max, string? cursor) =>
        ModerationQueueReading.Read(grains, filter, max, cursor);

    /// <summary>The headlines of stories a queue entry that arrived live names, for the queue page's links.</summary>
    [RequiresPolicy(NewsroomPolicies.Moderate)]
    [WhenBusy(ReaderHub.BusyMessage)]
    public Task<IReadOnlyDictionary<string, string>> StoryHeadlines(string[] slugs) =>
        slugs is { Length: >= 1 and <= ModerationQueueReading.MaxHeadlines } && slugs.All(ReaderText.IsPossibleSlug)
            ? ModerationQueueReading.Headlines(grains, slugs)
            : throw new CommentException($"Ask for the headlines of 1 to {ModerationQueueReading.MaxHeadlines} stories by their slugs.");

    [RequiresPolicy(NewsroomPolicies.Moderate)]
    [WhenBusy(ReaderHub.BusyMessage)]
    public Task<CommentSettingsView> CommentSettings([ArticleSlug] string slug) => Comments(slug).GetSettings();

    /// <summary>Replaces the story's own comment settings over the site's; null fields follow the site.</summary>
    [RequiresPolicy(NewsroomPolicies.Moderate)]
    [WhenBusy(ReaderHub.BusyMessage)]
    public Task<CommentSettingsView> SetCommentSettings([ArticleSlug] string slug, CommentSettingsChange change) =>
        Comments(slug).SetSettings(change ?? new CommentSettingsChange(), CommentCaller.Moderator(Context.User));

    /// <summary>
    /// The caller's own inbox, newest first: <paramref name="size"/> (1–50) notifications after <paramref name="cursor"/>
    /// (a page's <c>nextCursor</c>, or null for the newest). Live on <c>user:{userName}</c>.
    /// </summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public Task<InboxPage> Inbox(string? cursor, int size) => grains.OwnInbox(Context).Page(cursor, size);

    /// <summary>Marks one of the caller's notifications read; returns the unread count.</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public Task<int> MarkNotificationRead(string id) => grains.OwnInbox(Context).MarkRead(id);

    [WhenBusy(InboxCaller.BusyMessage)]
    public Task<int> MarkAllNotificationsRead() => grains.OwnInbox(Context).MarkAllRead();

    /// <summary>The caller's email delivery per notification kind, and the address emails go to.</summary>
    [WhenBusy(MailboxCaller.BusyMessage)]
    public Task<EmailPreferences> EmailPreferences() => grains.OwnMailbox(Context).Preferences();

    /// <summary><paramref name="kind"/> and <paramref name="delivery"/> by name, e.g. <c>("Mentioned", "Hourly")</c>.</summary>
    [WhenBusy(MailboxCaller.BusyMessage)]
    public Task<EmailPreferences> SetEmailDelivery(string kind, string delivery)
    {
        var (parsedKind, parsedDelivery) = MailboxCaller.ParseChoice(kind, delivery);
        return grains.OwnMailbox(Context).SetDelivery(parsedKind, parsedDelivery);
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

    private ChannelName Admit(string channel)
    {
        var name = ChannelMembership.ParseOrReject(channel);
        if (name.Kind == ChannelKind.User && !string.Equals(name.Key, Context.UserIdentifier, StringComparison.OrdinalIgnoreCase))
        {
            throw new HubException($"You may listen to your own user channel only, not {name}.");
        }

        return membership.Admit(name, ChannelAudience.Staff);
    }

    private IDraftGrain Draft(string id) => hubGrains.Get<IDraftGrain>(id);

    // Joins the draft's channel first, then reads the view: events that arrive before it are ones the client
    // buffers and skips by version. A refused view leaves the channel again.
    private async Task<DraftView> ListeningTo(string draftId, Func<IDraftGrain, Task<DraftView>> view)
    {
        var channel = ChannelName.Draft(draftId);
        await membership.Join(Context, Groups, channel);
        try
        {
            return await view(Draft(draftId));
        }
        catch
        {
            await membership.Leave(Context, Groups, channel);
            throw;
        }
    }

    private ICommentThreadGrain Comments(string slug) => hubGrains.Get<ICommentThreadGrain>(slug);
}
