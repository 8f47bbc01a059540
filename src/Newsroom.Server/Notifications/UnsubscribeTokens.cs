using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Server.Notifications;

/// <summary>
/// One-click unsubscribe links: the token is the inbox key, the kinds the email carried and a nonce (so each link
/// works once), protected by ASP.NET Core Data Protection (keys in blob storage, shared by every server) with a
/// time limit. Only this server can make one; a changed or expired one does not read back.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, IOptions<EmailDeliveryOptions> options, TimeProvider clock) : IUnsubscribeLinks
{
    public const string Path = "notifications/unsubscribe";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("newsroom.notifications.unsubscribe.v1").ToTimeLimitedDataProtector();

    public Uri For(string inboxKey, IReadOnlyCollection<NotificationKind> kinds)
    {
        var token = new UnsubscribeToken(inboxKey, [.. kinds], Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        var protectedToken = _protector.Protect(JsonSerializer.Serialize(token), clock.GetUtcNow() + options.Value.UnsubscribeLinkLifetime);
        return new Uri(options.Value.Site, $"{Path}?token={Uri.EscapeDataString(protectedToken)}");
    }

    /// <summary>The token's contents, or null when it is missing, changed, expired or not one this server made.</summary>
    public UnsubscribeToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4000)
        {
            return null;
        }

        try
        {
            var read = JsonSerializer.Deserialize<UnsubscribeToken>(_protector.Unprotect(token));
            return read is { Kinds.Count: > 0 } && InboxKey.IsValid(read.Inbox) && read.Kinds.All(Enum.IsDefined)
                && read.Nonce is { Length: 32 } && read.Nonce.All(char.IsAsciiHexDigitLower) ? read : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }
}

/// <summary>What an unsubscribe link says: whose emails, which kinds, and the nonce that makes it work once.</summary>
public sealed record UnsubscribeToken(string Inbox, IReadOnlyList<NotificationKind> Kinds, string Nonce);
