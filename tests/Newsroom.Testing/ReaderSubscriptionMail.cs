using System.Text.RegularExpressions;

namespace Newsroom.Testing;

/// <summary>The confirmation email a guest's "Subscribe" sends, as maildev got it, and the link in it.</summary>
public static partial class ReaderSubscriptionMail
{
    /// <summary>The confirmation mail to <paramref name="email"/> (waiting for it), and its confirm link.</summary>
    public static async Task<(ReceivedMail Mail, Uri Link)> WaitAsync(MailDev mailDev, string email, TimeSpan? timeout = null)
    {
        var mail = await mailDev.WaitForMailAsync(
            m => m.To.Any(a => a.Address == email) && m.Subject.StartsWith("Confirm your subscription", StringComparison.Ordinal),
            timeout ?? TimeSpan.FromSeconds(15));
        var link = ConfirmLink().Match(mail.Text);
        return link.Success
            ? (mail, new Uri(link.Value))
            : throw new InvalidOperationException($"The confirmation mail holds no confirm link:\n{mail.Text}");
    }

    [GeneratedRegex(@"https?://\S+/notifications/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
