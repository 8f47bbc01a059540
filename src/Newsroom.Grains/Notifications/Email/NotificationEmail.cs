using System.Globalization;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// The email for one or more notifications: plain text and HTML built with <see cref="EmailBody"/> (so names, titles
/// and excerpts arrive as text), absolute links on the site, and the one-click unsubscribe link and headers.
/// </summary>
public static class NotificationEmail
{
    public const string SettingsPath = "notifications/settings";

    /// <summary>
    /// The email to <paramref name="to"/> for <paramref name="entries"/> (oldest first), linking the settings page when
    /// <paramref name="withSettings"/> (staff sign in to it; guests have only the unsubscribe link).
    /// </summary>
    public static EmailMessage Compose(EmailRecipient to, IReadOnlyList<InboxEntry> entries, Uri site, Uri unsubscribe, bool withSettings)
    {
        ArgumentOutOfRangeException.ThrowIfZero(entries.Count);
        var subject = entries.Count == 1 ? entries[0].Notification.Title : $"{entries.Count} notifications";
        var body = new EmailBody();
        body.Paragraph(entries.Count == 1
            ? $"Hello {to.DisplayName}, there is something new for you in the newsroom."
            : $"Hello {to.DisplayName}, there are {entries.Count} new notifications for you in the newsroom.");
        foreach (var entry in entries.OrderBy(e => e.Notification.At))
        {
            var n = entry.Notification;
            var when = n.At.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
            body.Paragraph($"{n.Title}\n{n.Actor.DisplayName}, {when}");
            if (n.Excerpt.Length > 0)
            {
                body.Quote(n.Excerpt);
            }

            body.Link("Open it", new Uri(site, n.Link.TrimStart('/')));
        }

        body.Paragraph("You get these emails because of your notification settings. Your inbox keeps every notification.");
        if (withSettings)
        {
            body.Link("Choose which emails you get", new Uri(site, SettingsPath));
        }

        body.Link("Unsubscribe from these emails", unsubscribe);
        return EmailMessage.Of(to.Address, to.DisplayName, subject, body).WithOneClickUnsubscribe(unsubscribe);
    }
}
