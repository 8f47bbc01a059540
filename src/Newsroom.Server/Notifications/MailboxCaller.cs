using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Server.Notifications;

/// <summary>The caller's own mailbox, and nobody else's: keyed from the signed-in identity alone.</summary>
public static class MailboxCaller
{
    public const string BusyMessage = "Your email settings did not answer in time; try again in a moment.";

    public static IMailboxGrain OwnMailbox(this IGrainFactory grains, ClaimsPrincipal user) =>
        grains.GetGrain<IMailboxGrain>(InboxKey.Staff(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new MailboxException("Sign in to change your email settings.")));

    public static IMailboxGrain OwnMailbox(this IGrainFactory grains, HubCallerContext context) =>
        grains.GetGrain<IMailboxGrain>(InboxKey.Staff(context.UserIdentifier ?? throw new HubException("Sign in to change your email settings.")));

    /// <summary>A kind and a delivery by name, or a refusal that says what is allowed.</summary>
    public static (NotificationKind Kind, EmailDelivery Delivery) ParseChoice(string? kind, string? delivery)
    {
        if (!NotificationKindNames.TryParse<NotificationKind>(kind, out var parsedKind))
        {
            throw new MailboxException($"'{kind}' is not a notification kind; one of {string.Join(", ", Enum.GetNames<NotificationKind>())}.");
        }

        if (!NotificationKindNames.TryParse<EmailDelivery>(delivery, out var parsedDelivery))
        {
            throw new MailboxException($"'{delivery}' is not an email delivery; one of {string.Join(", ", Enum.GetNames<EmailDelivery>())}.");
        }

        return (parsedKind, parsedDelivery);
    }
}
