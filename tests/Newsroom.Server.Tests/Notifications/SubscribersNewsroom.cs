using Newsroom.Core.Accounts;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// <see cref="MailingNewsroom"/>'s settings (maildev, one-second grace period) plus one staff account per subscription
/// kind, so each end-to-end test has a subscriber whose channel, inbox and mail no other test touches.
/// </summary>
public sealed class SubscribersNewsroom : IAsyncLifetime
{
    /// <summary>The subscribers, each with its role; their passwords are the name + "-kinds".</summary>
    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role)> Subscribers =
    [
        ("fiona", "Fiona Follower", "reporter"),
        ("rhys", "Rhys Replied", "reporter"),
        ("rory", "Rory Reader", "reporter"),
        ("uma", "Uma Updates", "reporter"),
        ("cora", "Cora Corrections", "reporter"),
        ("sid", "Sid Section", "reporter"),
        ("tara", "Tara Tag", "reporter"),
        ("abe", "Abe Author", "reporter"),
        ("dana", "Dana Desk", "editor"),
        ("pia", "Pia Published", "reporter"),
        ("asa", "Asa Assigned", "reporter"),
        ("mia", "Mia Mentioned", "reporter"),
        ("wes", "Wes Writer", "reporter"),
        ("max", "Max Moderator", "moderator"),
    ];

    // After appsettings.Development.json's four demo accounts.
    private const int FirstIndex = 4;

    private NewsroomOnAzurite? _newsroom;

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public MailDev MailDev => _newsroom?.MailDev ?? throw new InvalidOperationException("Not started.");

    public static (string UserName, string Password) Account(string userName) => (userName, userName + "-kinds");

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(MailingNewsroom.Settings);
        foreach (var (account, i) in Subscribers.Select((a, i) => (a, FirstIndex + i)))
        {
            var prefix = $"Newsroom__Staff__Accounts__{i}__";
            settings[prefix + "UserName"] = account.UserName;
            settings[prefix + "DisplayName"] = account.DisplayName;
            settings[prefix + "Roles__0"] = account.Role;
            settings[prefix + "Email"] = $"{account.UserName}@newsroom.localhost";
            settings[prefix + "PasswordHash"] = PasswordHash.Create(Account(account.UserName).Password, iterations: 1_000);
        }

        _newsroom = await NewsroomOnAzurite.StartWithMailAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }
}
