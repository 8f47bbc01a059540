using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// Section <c>Newsroom:Email</c>: the SMTP server notification emails leave through, and who they are from. Checked
/// when the host starts; nothing connects until an email is sent, so a server starts while its mail server is down.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Newsroom:Email";

    /// <summary>The SMTP server's name or address (Development: maildev on 127.0.0.1).</summary>
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>
    /// TLS from the first byte on port 465, STARTTLS (required, not opportunistic) on any other port. Off: plain SMTP,
    /// never upgraded, as to maildev, whose STARTTLS offers a certificate nobody can check.
    /// </summary>
    public bool UseTls { get; set; }

    /// <summary>The From address of every notification email.</summary>
    public string SenderAddress { get; set; } = "newsroom@localhost";

    public string SenderName { get; set; } = "Newsroom";

    /// <summary>Optional; with <see cref="Password"/>, the account the SMTP server is signed in to.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long connecting, and each SMTP command after, may take before the send fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many SMTP connections one server opens at once; more emails due at once wait for one (at most
    /// <see cref="Timeout"/>, then the send fails and is retried). Mail servers limit connections per client too.
    /// </summary>
    public int MaxConnections { get; set; } = 8;
}

/// <summary>Stops the host at start when the email settings cannot work, naming each setting.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    private const int MaxSenderNameLength = 100;
    private const int MaxMaxConnections = 100;

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(EmailOptions options)
    {
        const string section = EmailOptions.Section;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            problems.Add($"{section}:Host is not set: give the SMTP server's name or address.");
        }
        else if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            problems.Add($"{section}:Host ('{options.Host}') is not a host name or an IP address.");
        }

        if (options.Port is < 1 or > 65535)
        {
            problems.Add($"{section}:Port ({options.Port}) must be from 1 to 65535.");
        }

        if (!IsPlainAddress(options.SenderAddress))
        {
            problems.Add($"{section}:SenderAddress ('{options.SenderAddress}') is not an email address, such as newsroom@example.org.");
        }

        if (options.SenderName is null || options.SenderName.Length > MaxSenderNameLength || options.SenderName.Any(char.IsControl))
        {
            problems.Add($"{section}:SenderName must be one line of at most {MaxSenderNameLength} characters.");
        }

        var hasUser = !string.IsNullOrEmpty(options.UserName);
        var hasPassword = !string.IsNullOrEmpty(options.Password);
        if (hasUser != hasPassword)
        {
            problems.Add($"{section}:UserName and {section}:Password go together: set both or neither.");
        }
        else if (hasPassword && !options.UseTls && !IsThisMachine(options.Host))
        {
            problems.Add($"{section}:UseTls is false, so the password would cross the network to {options.Host} in clear: set it to true.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{section}:Timeout ({options.Timeout}) must be from 1 second to 5 minutes.");
        }

        if (options.MaxConnections is < 1 or > MaxMaxConnections)
        {
            problems.Add($"{section}:MaxConnections ({options.MaxConnections}) must be from 1 to {MaxMaxConnections}.");
        }

        return problems;
    }

    /// <summary>An address alone (<c>local@domain</c>), not a name with one, that MimeKit reads back unchanged.</summary>
    public static bool IsPlainAddress(string? address) =>
        address is { Length: > 2 and <= 254 }
        && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1
        && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',' or ';')
        && MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address == address && string.IsNullOrEmpty(mailbox.Name);

    private static bool IsThisMachine(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
