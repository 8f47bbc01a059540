using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Server.Notifications;

/// <summary>The double opt-in email: what the reader asked for and the link that confirms it. Nothing else is in it.</summary>
public static class ConfirmationMail
{
    public static EmailMessage For(ReaderSubscriptionRequest request, string headline, Uri confirmLink, string lifetime)
    {
        var body = new EmailBody()
            .Paragraph($"Someone (we hope you) asked to be notified about “{headline}”: {string.Join(", ", request.Choices)}.")
            .Link("Confirm the subscription", confirmLink)
            .Paragraph($"The link works for {lifetime}. If you did not ask for this, ignore this email: nothing is sent to you unless you confirm.");
        return EmailMessage.Of(request.Email, "", "Confirm your subscription to " + headline, body);
    }

}
