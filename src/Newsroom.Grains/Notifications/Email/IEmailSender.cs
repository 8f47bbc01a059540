namespace Newsroom.Grains.Notifications.Email;

/// <summary>Hands one email to the newsroom's mail server. No retries here: whoever delivers notifications owns them.</summary>
public interface IEmailSender
{
    /// <summary>Completes once the mail server accepted the email; throws <see cref="EmailDeliveryException"/> when it did not.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
