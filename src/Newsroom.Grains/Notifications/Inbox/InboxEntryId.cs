using System.Security.Cryptography;
using System.Text;
using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>
/// A notification's id in its inbox, <c>n-{inverted ticks:D19}-{8 hex of the event id's SHA-256}</c>: ordinal order is
/// newest first (the row key order of Azure Tables), and the same event at the same time always gets the same id.
/// </summary>
public static class InboxEntryId
{
    public const int Length = 2 + 19 + 1 + 8;

    public static string Of(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var inverted = DateTimeOffset.MaxValue.UtcTicks - notification.At.UtcTicks;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(notification.EventId)))[..8];
        return $"n-{inverted:D19}-{hash}";
    }

    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.StartsWith("n-", StringComparison.Ordinal) && id[21] == '-'
        && id.AsSpan(2, 19).ToString().All(char.IsAsciiDigit) && id.AsSpan(22).ToString().All(char.IsAsciiHexDigitLower);
}
