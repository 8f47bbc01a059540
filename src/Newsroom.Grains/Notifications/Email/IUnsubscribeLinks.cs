using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// Makes the one-click unsubscribe link an email carries: the host signs it (ASP.NET Core Data Protection), so the
/// grains never hold its keys.
/// </summary>
public interface IUnsubscribeLinks
{
    /// <summary>An absolute address that, POSTed to, sets <paramref name="kinds"/> of this inbox's emails to Never.</summary>
    Uri For(string inboxKey, IReadOnlyCollection<NotificationKind> kinds);
}
