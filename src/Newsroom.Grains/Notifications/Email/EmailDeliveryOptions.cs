using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// Section <c>Newsroom:Email</c> (beside <see cref="EmailOptions"/>): when notification emails go out, how failures are
/// retried, and the site address their links start with. Checked when the host starts.
/// </summary>
public sealed class EmailDeliveryOptions
{
    /// <summary>The newsroom's public address: every link in an email is absolute and starts here.</summary>
    public string SiteAddress { get; set; } = "http://localhost:5000/";

    /// <summary>How long an "immediately" email waits for more (a burst is one email) and for a tab to read it.</summary>
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan HourlyDigest { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan DailyDigest { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The wait after the first failed send; it doubles with each failure up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryFirst { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the mailboxes with emails waiting are woken by their partition's reminder (<see cref="IMailboxWakeGrain"/>),
    /// which survives restarts: after one, an email due meanwhile goes out at most this late. While a mailbox is
    /// active, its own timer sends on time.
    /// </summary>
    public TimeSpan WakePeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an email's unsubscribe link works.</summary>
    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    public Uri Site => new(SiteAddress.EndsWith('/') ? SiteAddress : SiteAddress + "/", UriKind.Absolute);
}

/// <summary>Stops the host at start when the delivery settings cannot work, naming each setting.</summary>
public sealed class EmailDeliveryOptionsValidator : IValidateOptions<EmailDeliveryOptions>
{
    /// <summary>
    /// The shortest wake period: each tick reads the partition's waiting mailboxes from storage, so ticking more often
    /// than this costs storage reads for nothing a reader would notice (Orleans is told to allow reminders this short).
    /// </summary>
    public static readonly TimeSpan MinWakePeriod = TimeSpan.FromSeconds(10);

    public ValidateOptionsResult Validate(string? name, EmailDeliveryOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static IReadOnlyList<string> Problems(EmailDeliveryOptions options)
    {
        const string section = EmailOptions.Section;
        var problems = new List<string>();
        if (!Uri.TryCreate(options.SiteAddress, UriKind.Absolute, out var site) || site.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(site.Query) || !string.IsNullOrEmpty(site.Fragment) || !string.IsNullOrEmpty(site.UserInfo))
        {
            problems.Add($"{section}:SiteAddress ('{options.SiteAddress}') must be the site's absolute http(s) address, such as https://news.example.org/.");
        }

        Between(problems, "GracePeriod", options.GracePeriod, TimeSpan.Zero, TimeSpan.FromHours(1));
        Between(problems, "HourlyDigest", options.HourlyDigest, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Between(problems, "DailyDigest", options.DailyDigest, TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        Between(problems, "RetryFirst", options.RetryFirst, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        Between(problems, "RetryMax", options.RetryMax, options.RetryFirst, TimeSpan.FromDays(1));
        Between(problems, "WakePeriod", options.WakePeriod, MinWakePeriod, TimeSpan.FromHours(1));
        Between(problems, "UnsubscribeLinkLifetime", options.UnsubscribeLinkLifetime, TimeSpan.FromSeconds(1), TimeSpan.FromDays(365));
        return problems;
    }

    private static void Between(List<string> problems, string setting, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            problems.Add($"{EmailOptions.Section}:{setting} ({value}) must be from {min} to {max}.");
        }
    }
}
