using Microsoft.Extensions.Options;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>The email sender against a real SMTP server (maildev), read back the way it received the email.</summary>
public sealed class SmtpEmailSenderTests(MailDevFixture mail) : IClassFixture<MailDevFixture>
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    /// <summary>An unsubscribe address as long as a signed, expiring token makes it: longer than one header line.</summary>
    private static readonly Uri _unsubscribe = new(
        "https://newsroom.example.org/notifications/unsubscribe?token=" + string.Concat(Enumerable.Repeat("CfDJ8Nq3x-Zk_0aB", 16)));

    [Fact]
    public async Task Send_ThroughMaildev_ArrivesWithSubjectBothPartsAndOneClickUnsubscribeHeaders()
    {
        var to = MailDevFixture.UniqueAddress("reader");
        var body = new EmailBody()
            .Paragraph("Eddie Editor replied to your comment on “Night buses return to the city centre”:")
            .Quote("Thanks, we have added the timetable.\nIt starts on Monday.")
            .Link("Read the reply", new Uri("https://newsroom.example.org/articles/night-buses#comment-12"));
        var message = EmailMessage.Of(to, "Ada Reader", "New reply to your comment", body).WithOneClickUnsubscribe(_unsubscribe);

        await Sender(mail.MailDev.SmtpPort).SendAsync(message, TestContext.Current.CancellationToken);

        var received = await mail.MailDev.WaitForMailAsync(m => m.To.Any(a => a.Address == to), _wait);
        Assert.Equal("New reply to your comment", received.Subject);
        Assert.Equal(new ReceivedAddress(to, "Ada Reader"), Assert.Single(received.To));
        Assert.Equal(new ReceivedAddress("newsroom@example.org", "Newsroom tests"), Assert.Single(received.From));
        Assert.StartsWith("multipart/alternative", received.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("Eddie Editor replied to your comment on “Night buses return to the city centre”:", received.Text, StringComparison.Ordinal);
        Assert.Contains("> Thanks, we have added the timetable.\n> It starts on Monday.", received.Text, StringComparison.Ordinal);
        Assert.Contains("Read the reply: https://newsroom.example.org/articles/night-buses#comment-12", received.Text, StringComparison.Ordinal);
        Assert.Contains("<blockquote><p>Thanks, we have added the timetable.<br>\nIt starts on Monday.</p></blockquote>", received.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://newsroom.example.org/articles/night-buses#comment-12\">Read the reply</a>", received.Html, StringComparison.Ordinal);
        Assert.Equal($"<{_unsubscribe.AbsoluteUri}>", received.Header("List-Unsubscribe")?.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("List-Unsubscribe=One-Click", received.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task Send_ToAClosedPort_FailsWithAClearException()
    {
        var closed = FreePort.Next();
        var message = EmailMessage.Of("ada@example.org", "Ada", "New reply to your comment", new EmailBody().Paragraph("Hello."));

        var failed = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(closed).SendAsync(message, TestContext.Current.CancellationToken));

        Assert.Contains($"\"New reply to your comment\" to ada@example.org through the mail server 127.0.0.1:{closed}", failed.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionRefused", failed.Message, StringComparison.Ordinal);
        Assert.False(failed.Permanent);
    }

    [Theory]
    [InlineData("X-Newsroom", "one\r\nBcc: everyone@example.org")]
    [InlineData("Bcc", "everyone@example.org")]
    [InlineData("List Unsubscribe", "<https://newsroom.example.org/u>")]
    public async Task Send_WithAHeaderThatIsNotOneLineOrIsTheSendersOwn_IsRefusedBeforeAnythingIsSent(string name, string value)
    {
        var to = MailDevFixture.UniqueAddress("header");
        var message = EmailMessage.Of(to, "Ada", "Header check", new EmailBody().Paragraph("Hello.")) with
        {
            Headers = new Dictionary<string, string> { [name] = value },
        };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Sender(mail.MailDev.SmtpPort).SendAsync(message, TestContext.Current.CancellationToken));

        Assert.Contains(name, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await mail.MailDev.MailsAsync(), m => m.To.Any(a => a.Address == to));
    }

    [Fact]
    public async Task Send_ToSomethingThatIsNotAnAddress_IsRefusedBeforeConnecting()
    {
        var message = EmailMessage.Of("ada@example.org>, everyone@example.org", "Ada", "Hello", new EmailBody().Paragraph("Hello."));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Sender(FreePort.Next()).SendAsync(message, TestContext.Current.CancellationToken));

        Assert.Contains("is not an email address", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ManyAtOnce_OpensAtMostMaxConnectionsAndSendsEachOnce()
    {
        await using var server = new ScriptedSmtpServer { ReplyDelay = TimeSpan.FromMilliseconds(5) };
        using var sender = Sender(server.Port, maxConnections: 3);
        var messages = Enumerable.Range(1, 40)
            .Select(i => EmailMessage.Of($"reader{i}@example.org", "Ada", "New reply to your comment", new EmailBody().Paragraph("Hello.")));

        await Task.WhenAll(messages.Select(m => sender.SendAsync(m, TestContext.Current.CancellationToken)));

        Assert.Equal(40, server.Taken);
        Assert.InRange(server.MostOpenAtOnce, 1, 3);
    }

    [Fact]
    public async Task Send_WhenEveryConnectionStaysBusyPastTheTimeout_FailsForNowWithoutSending()
    {
        // Each answer comes within the timeout, so the first send takes five of them and succeeds; the second gives up.
        await using var server = new ScriptedSmtpServer { ReplyDelay = TimeSpan.FromSeconds(1) };
        using var sender = Sender(server.Port, maxConnections: 1, timeout: TimeSpan.FromSeconds(2));
        var first = sender.SendAsync(EmailMessage.Of("first@example.org", "Ada", "First", new EmailBody().Paragraph("Hello.")), TestContext.Current.CancellationToken);

        var failed = await Assert.ThrowsAsync<EmailDeliveryException>(
            () => sender.SendAsync(EmailMessage.Of("second@example.org", "Bo", "Second", new EmailBody().Paragraph("Hello.")), TestContext.Current.CancellationToken));

        Assert.Contains("all 1 connections to the mail server", failed.Message, StringComparison.Ordinal);
        Assert.False(failed.Permanent);
        await first;
        Assert.Equal(1, server.Taken);
    }

    [Fact]
    public async Task Send_WhenTheServerNeverAnswersQuit_CountsAsSent_SoItIsNotSentAgain()
    {
        await using var server = new ScriptedSmtpServer { SilentQuit = true };
        using var sender = Sender(server.Port, timeout: TimeSpan.FromSeconds(1));

        await sender.SendAsync(EmailMessage.Of("ada@example.org", "Ada", "New reply to your comment", new EmailBody().Paragraph("Hello.")), TestContext.Current.CancellationToken);

        Assert.Equal(1, server.Taken);
    }

    internal static SmtpEmailSender Sender(int port, int maxConnections = 8, TimeSpan? timeout = null) => new(Options.Create(new EmailOptions
    {
        Host = "127.0.0.1",
        Port = port,
        SenderAddress = "newsroom@example.org",
        SenderName = "Newsroom tests",
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        MaxConnections = maxConnections,
    }));
}
