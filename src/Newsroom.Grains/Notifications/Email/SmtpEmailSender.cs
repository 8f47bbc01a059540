using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// Sends each email over its own SMTP connection with MailKit, as multipart/alternative (plain text first, then HTML,
/// which mail programs prefer when they can show it). At most <see cref="EmailOptions.MaxConnections"/> are open at once:
/// a story's 5,000 followers fall due together, and 5,000 connections at once slowed the mail server past the timeout,
/// so that emails it had taken were reported failed and sent again.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender, IDisposable
{
    /// <summary>Headers the sender writes itself; a message may not set them through <see cref="EmailMessage.Headers"/>.</summary>
    private static readonly HashSet<string> _ownHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Subject", "Date", "Message-Id", "Mime-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
    };

    /// <summary>
    /// How long an email waits for a free connection at most: the mailbox that sends it waits too, and what is handed to
    /// it meanwhile must not wait past Orleans' response timeout (30 s); it tries again a few seconds later.
    /// </summary>
    public static readonly TimeSpan MaxConnectionWait = TimeSpan.FromSeconds(10);

    private readonly EmailOptions _options = options.Value;
    private readonly SemaphoreSlim _connections = new(options.Value.MaxConnections, options.Value.MaxConnections);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = ToMime(message);
        var server = $"{_options.Host}:{_options.Port}";
        var wait = _options.Timeout < MaxConnectionWait ? _options.Timeout : MaxConnectionWait;
        if (!await _connections.WaitAsync(wait, cancellationToken))
        {
            throw new EmailDeliveryException(
                $"Could not send the email \"{message.Subject}\" to {message.ToAddress}: all {_options.MaxConnections} connections to the mail server {server} stayed busy for {wait}",
                permanent: false,
                busy: true);
        }

        try
        {
            await SendOverOneConnection(mime, message, server, cancellationToken);
        }
        finally
        {
            _connections.Release();
        }
    }

    public void Dispose() => _connections.Dispose();

    private async Task SendOverOneConnection(MimeMessage mime, EmailMessage message, string server, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, SocketOptions(), cancellationToken);
            if (!string.IsNullOrEmpty(_options.UserName))
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
        }
        catch (SmtpCommandException refused)
        {
            var code = (int)refused.StatusCode;
            throw new EmailDeliveryException(
                $"The mail server {server} refused the email \"{message.Subject}\" to {message.ToAddress}: {code} {refused.Message.Trim()}",
                permanent: code >= 500,
                refused);
        }
        catch (Exception failed) when (failed is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException(
                $"Could not send the email \"{message.Subject}\" to {message.ToAddress} through the mail server {server}: {Describe(failed)}",
                permanent: false,
                failed);
        }

        await QuitQuietly(client);
    }

    /// <summary>
    /// The server took the email when <c>SendAsync</c> returned: a QUIT it answers late or never must not fail the send,
    /// or the email would be sent again.
    /// </summary>
    private static async Task QuitQuietly(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or TimeoutException or OperationCanceledException or ServiceNotConnectedException or SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // Nothing to do: the connection is closed by disposing the client either way.
        }
    }

    private SecureSocketOptions SocketOptions() => _options switch
    {
        { UseTls: false } => SecureSocketOptions.None,
        { Port: 465 } => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private MimeMessage ToMime(EmailMessage message)
    {
        if (!EmailOptionsValidator.IsPlainAddress(message.ToAddress))
        {
            throw new ArgumentException($"'{message.ToAddress}' is not an email address to send to.", nameof(message));
        }

        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.SenderName, _options.SenderAddress));
        mime.To.Add(new MailboxAddress(OneLine(message.ToName), message.ToAddress));
        mime.Subject = OneLine(message.Subject);
        foreach (var (name, value) in message.Headers)
        {
            if (name.Length == 0 || name.Any(c => c is <= ' ' or > '~' or ':') || _ownHeaders.Contains(name))
            {
                throw new ArgumentException($"'{name}' is not a header an email may add.", nameof(message));
            }

            if (value.Any(char.IsControl))
            {
                throw new ArgumentException($"The value of header {name} must be one line without control characters.", nameof(message));
            }

            mime.Headers.Add(name, value);
        }

        mime.Body = new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = message.Text },
            new TextPart(TextFormat.Html) { Text = message.Html },
        };
        return mime;
    }

    /// <summary>A person's name or a headline as a header: line breaks and other control characters become spaces.</summary>
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c)).Trim();

    private static string Describe(Exception failed) => failed switch
    {
        AuthenticationException => $"it refused the sign-in ({failed.Message.Trim()})",
        System.Net.Sockets.SocketException socket => $"{socket.SocketErrorCode}: {socket.Message.Trim()}",
        _ => failed.Message.Trim(),
    };
}
