using System.Threading.RateLimiting;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Auth;

/// <summary>
/// Counts failed sign-ins per user name and per client address in fixed windows, with the rate limiters
/// ASP.NET Core's rate limiting is built on. Not the rate limiting middleware: it decides before the page
/// runs, so it can see neither the user name (in the form) nor whether the password was right, and
/// counting every sign-in would throttle a newsroom that signs in from one office address.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _accounts;
    private readonly PartitionedRateLimiter<string> _addresses;

    public SignInThrottle(SignInOptions options)
    {
        _accounts = Failures(options.FailuresPerAccount, options.Window);
        _addresses = Failures(options.FailuresPerAddress, options.Window);
    }

    /// <summary>Why and how long this user name or this address must wait, or null if it may try now.</summary>
    public SignInRefusal? Check(string userName, string address)
    {
        // Asking for no permit only looks: it succeeds while a failure is still allowed in this window.
        using var account = _accounts.AttemptAcquire(AccountKey(userName), 0);
        using var client = _addresses.AttemptAcquire(address, 0);
        if (account.IsAcquired && client.IsAcquired)
        {
            return null;
        }

        var retryAfter = new[] { account, client }
            .Select(lease => lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.Zero)
            .Max();
        var reason = (account.IsAcquired, client.IsAcquired) switch
        {
            (false, false) => "the account and the address",
            (false, true) => "the account",
            _ => "the address",
        };
        return new SignInRefusal(retryAfter, reason);
    }

    public void Failed(string userName, string address)
    {
        _accounts.AttemptAcquire(AccountKey(userName)).Dispose();
        _addresses.AttemptAcquire(address).Dispose();
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _addresses.Dispose();
    }

    /// <summary>User names are matched ignoring case, so "Rosa" and "rosa" share one count.</summary>
    private static string AccountKey(string userName) => userName.Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Failures(int allowed, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = allowed, Window = window, QueueLimit = 0 }));
}
