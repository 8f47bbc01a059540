using Newsroom.Core.Notifications;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Comments;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Realtime;

/// <summary>
/// Readers' notifications: subscribing from the comment widget, and the caller's own inbox (a confirmed guest's, or a
/// signed-in staff member's on reader pages). The inbox is always the caller's, from their cookie or sign-in.
/// </summary>
public sealed partial class ReaderHub
{
    /// <summary>
    /// Subscribes to the story: a guest is sent a confirmation email for <see cref="ReaderSubscribeForm.Email"/> and
    /// follows nothing before confirming; a signed-in staff member follows at once.
    /// </summary>
    [RateLimited(HubRateLimits.Subscriptions)]
    [WhenBusy(InboxCaller.BusyMessage)]
    public Task<ReaderSubscribed> Subscribe([ArticleSlug] string slug, ReaderSubscribeForm form) => subscriptions.Subscribe(Context, slug, form);

    /// <summary>The topics the caller's own inbox follows (<c>follow-ups:{slug}</c>, <c>story:{slug}</c>, <c>my-replies</c>…).</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public async Task<IReadOnlyList<string>> Following() => await (await grains.OwnReaderInbox(Context, guests)).Following();

    /// <summary>The caller's inbox channel to join for the bell (<c>user:…</c>), or null when they have no inbox yet.</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public async Task<string?> InboxChannel() =>
        await grains.OwnInboxKey(Context, guests) is { } key ? InboxKey.ChannelOf(key).ToString() : null;

    /// <summary>The caller's own inbox, newest first: <paramref name="size"/> (1–50) after <paramref name="cursor"/>.</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public async Task<InboxPage> Inbox(string? cursor, int size) => await (await grains.OwnReaderInbox(Context, guests)).Page(cursor, size);

    /// <summary>Marks one of the caller's notifications read; returns the unread count.</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public async Task<int> MarkNotificationRead(string id) => await (await grains.OwnReaderInbox(Context, guests)).MarkRead(id);

    [WhenBusy(InboxCaller.BusyMessage)]
    public async Task<int> MarkAllNotificationsRead() => await (await grains.OwnReaderInbox(Context, guests)).MarkAllRead();

    // Article channels as their owners allow; a user: channel only when it is the caller's own inbox's.
    private async Task<ChannelName> Admit(string channel)
    {
        var name = membership.Admit(ChannelMembership.ParseOrReject(channel), ChannelAudience.Readers);
        return name.Kind == ChannelKind.User ? await grains.AdmitOwn(name, Context, guests) : name;
    }
}
