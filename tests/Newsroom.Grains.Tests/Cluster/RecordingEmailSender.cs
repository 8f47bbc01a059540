using System.Collections.Concurrent;
using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// The test silo's mail server: keeps every email the grains hand it, per address, and can refuse an address's next
/// sends as an unreachable (or a refusing) SMTP server would.
/// </summary>
public sealed class RecordingEmailSender : IEmailSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<EmailMessage>> _sent = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (int Times, bool Permanent)> _failing = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _busy = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The emails the server took for <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<EmailMessage> SentTo(string address) => _sent.TryGetValue(address, out var sent) ? [.. sent] : [];

    /// <summary>Every try to send to <paramref name="address"/>, failed ones included.</summary>
    public int Attempts(string address) => _attempts.GetValueOrDefault(address);

    /// <summary>The next <paramref name="times"/> sends to the address fail (for good when <paramref name="permanent"/>).</summary>
    public void FailNext(string address, int times, bool permanent = false) => _failing[address] = (times, permanent);

    /// <summary>The next <paramref name="times"/> sends to the address find every connection in use, as a silo's do when thousands fall due at once.</summary>
    public void BusyNext(string address, int times) => _busy[address] = times;

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        _attempts.AddOrUpdate(message.ToAddress, 1, (_, n) => n + 1);
        if (_busy.TryGetValue(message.ToAddress, out var busy) && busy > 0)
        {
            _busy[message.ToAddress] = busy - 1;
            throw new EmailDeliveryException($"Every connection to the test mail server is in use for {message.ToAddress}.", permanent: false, busy: true);
        }

        if (_failing.TryGetValue(message.ToAddress, out var failing) && failing.Times > 0)
        {
            _failing[message.ToAddress] = (failing.Times - 1, failing.Permanent);
            throw new EmailDeliveryException(
                $"The test mail server refused the email to {message.ToAddress}.", failing.Permanent, new IOException("refused by the test"));
        }

        _sent.GetOrAdd(message.ToAddress, _ => new ConcurrentQueue<EmailMessage>()).Enqueue(message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Staff as the tests give them: everyone but user names starting "nobody" is staff; addresses
/// <c>{userName}@staff.example.org</c>, and user names starting "nomail" have none.
/// </summary>
internal sealed class TestStaffAddresses : IStaffAddresses
{
    public bool IsStaff(string userName) => !userName.StartsWith("nobody", StringComparison.Ordinal);

    public static string Of(string userName) => $"{userName}@staff.example.org";

    public EmailRecipient? Find(string userName) =>
        userName.StartsWith("nomail", StringComparison.Ordinal) ? null : new EmailRecipient(Of(userName), $"Staff {userName}");
}

/// <summary>Unsubscribe links that show what they stand for, so a test can read the kinds an email carried.</summary>
internal sealed class TestUnsubscribeLinks : IUnsubscribeLinks
{
    public Uri For(string inboxKey, IReadOnlyCollection<Core.Notifications.NotificationKind> kinds) =>
        new($"https://news.example.org/notifications/unsubscribe?inbox={Uri.EscapeDataString(inboxKey)}&kinds={string.Join(',', kinds)}");
}
