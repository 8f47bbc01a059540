using Newsroom.Core.Accounts;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Realtime;

/// <summary>
/// What the caller follows (<see cref="TopicKey"/>): always their own inbox, taken from their identity and never from a
/// parameter. A malformed topic is refused with the reason before any grain is called, and <c>moderation</c> only
/// to moderators.
/// </summary>
public sealed partial class StaffHub
{
    /// <summary>Follows a topic, for example <c>draft:{id}</c>, <c>story:{slug}</c>, <c>section:{name}</c>, <c>moderation</c>.</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public Task Follow(string topic) => grains.OwnInbox(Context).Follow(Checked(topic));

    [WhenBusy(InboxCaller.BusyMessage)]
    public Task Unfollow(string topic) => grains.OwnInbox(Context).Unfollow(Checked(topic));

    /// <summary>The topics the caller follows, in key order.</summary>
    [WhenBusy(InboxCaller.BusyMessage)]
    public Task<IReadOnlyList<string>> Following() => grains.OwnInbox(Context).Following();

    private string Checked(string topic)
    {
        if (TopicKey.Check(topic) is { } refusal)
        {
            throw new InboxException(refusal);
        }

        if (topic == TopicKey.Moderation && !(Context.User?.IsInRole(NewsroomRoles.Moderator) == true || Context.User?.IsInRole(NewsroomRoles.Admin) == true))
        {
            throw new InboxException("Only moderators can follow the moderation queue.");
        }

        return topic;
    }
}
