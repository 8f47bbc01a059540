using Newsroom.Core.Accounts;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Auth;

/// <summary>The staff accounts from configuration, checked once at start.</summary>
public sealed class StaffDirectory
{
    public const string Section = "Newsroom:Staff:Accounts";

    private readonly Dictionary<string, StaffAccount> _accounts;

    private StaffDirectory(Dictionary<string, StaffAccount> accounts)
    {
        _accounts = accounts;
    }

    public IReadOnlyCollection<StaffAccount> Accounts => _accounts.Values;

    public static StaffDirectory FromConfiguration(IConfiguration configuration)
    {
        var accounts = configuration.GetSection(Section).Get<List<StaffAccount>>() ?? [];
        var byName = new Dictionary<string, StaffAccount>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var where = $"{Section}:{i}";
            if (!ChannelName.TryParse($"user:{account.UserName}", out _, out _))
            {
                throw new NewsroomConfigurationException(
                    $"{where}:UserName '{account.UserName}' must be 1 to {ChannelName.MaxKeyLength} letters, digits, '-', '_' or '.'.");
            }

            if (!byName.TryAdd(account.UserName, account))
            {
                throw new NewsroomConfigurationException($"{where}:UserName '{account.UserName}' is listed twice.");
            }

            if (account.Roles.Count == 0 || account.Roles.FirstOrDefault(r => !NewsroomRoles.IsKnown(r)) is { } unknown)
            {
                throw new NewsroomConfigurationException(
                    $"{where}:Roles must name at least one of {string.Join(", ", NewsroomRoles.All)}; got '{string.Join(",", account.Roles)}'.");
            }

            if (!Core.Accounts.PasswordHash.IsWellFormed(account.PasswordHash))
            {
                throw new NewsroomConfigurationException(
                    $"{where}:PasswordHash is not a hash from 'dotnet run --project src/Newsroom.Server -- hash-password'.");
            }

            if (!string.IsNullOrEmpty(account.Email) && !EmailOptionsValidator.IsPlainAddress(account.Email))
            {
                throw new NewsroomConfigurationException($"{where}:Email '{account.Email}' is not an email address, such as rosa@example.org.");
            }

            if (string.IsNullOrWhiteSpace(account.DisplayName))
            {
                account.DisplayName = account.UserName;
            }
        }

        return new StaffDirectory(byName);
    }

    /// <summary>The account if the password matches; null for an unknown name or a wrong password.</summary>
    /// <summary>The account with this user name (case-insensitive), or null.</summary>
    public StaffAccount? Find(string? userName) =>
        userName is not null && _accounts.TryGetValue(userName, out var account) ? account : null;

    public StaffAccount? Verify(string userName, string password)
    {
        if (!_accounts.TryGetValue(userName, out var account))
        {
            return null;
        }

        return Core.Accounts.PasswordHash.Verify(password, account.PasswordHash) ? account : null;
    }
}
