using System.Diagnostics.CodeAnalysis;
using Newsroom.Core.Realtime;

namespace Newsroom.Core.Notifications;

/// <summary>
/// The key of a person's inbox, in one place: <c>staff:{userName}</c> (the user name in lower case, as user
/// names are compared ignoring case) for staff, <c>guest:{emailHash}</c> (the SHA-256 of their confirmed email,
/// 64 lower-case hex digits) for guests. A staff inbox is live on <c>user:{userName}</c>.
/// </summary>
public static class InboxKey
{
    public const string StaffPrefix = "staff:";
    public const string GuestPrefix = "guest:";

    public static string Staff(string userName)
    {
        if (!IsUserName(userName))
        {
            throw new NotificationFormatException(
                $"A staff user name must be 1 to {ChannelName.MaxKeyLength} letters, digits, '-', '_' or '.'; got '{userName}'.");
        }

        return StaffPrefix + userName.ToLowerInvariant();
    }

    public static string Guest(string emailHash)
    {
        if (emailHash is not { Length: 64 } || !emailHash.All(char.IsAsciiHexDigitLower))
        {
            throw new NotificationFormatException("A guest's inbox is keyed by their email's SHA-256 in 64 lower-case hex digits.");
        }

        return GuestPrefix + emailHash;
    }

    public static bool IsValid([NotNullWhen(true)] string? key) =>
        key is not null && (key.StartsWith(StaffPrefix, StringComparison.Ordinal)
            ? IsUserName(key[StaffPrefix.Length..]) && key == key.ToLowerInvariant()
            : key.StartsWith(GuestPrefix, StringComparison.Ordinal) && key.Length == GuestPrefix.Length + 64
                && key.AsSpan(GuestPrefix.Length).ToString().All(char.IsAsciiHexDigitLower));

    /// <summary>The staff member's user name (lower case) when the key is a staff inbox's.</summary>
    public static bool TryStaffUserName(string key, [NotNullWhen(true)] out string? userName)
    {
        userName = IsValid(key) && key.StartsWith(StaffPrefix, StringComparison.Ordinal) ? key[StaffPrefix.Length..] : null;
        return userName is not null;
    }

    /// <summary>The live channel of a staff inbox: <c>user:{userName}</c>.</summary>
    public static ChannelName StaffChannel(string userName) => ChannelName.User(Staff(userName)[StaffPrefix.Length..]);

    /// <summary>
    /// The live channel of an inbox: <c>user:{userName}</c> for staff; for a guest <c>user:guest.{emailHash}</c>, which
    /// the reader hub admits only a guest confirmed for that email.
    /// </summary>
    public static ChannelName ChannelOf(string inboxKey)
    {
        if (TryStaffUserName(inboxKey, out var userName))
        {
            return ChannelName.User(userName);
        }

        return IsValid(inboxKey)
            ? ChannelName.User(GuestChannelPrefix + inboxKey[GuestPrefix.Length..])
            : throw new NotificationFormatException($"'{inboxKey}' is not an inbox key (staff:{{userName}} or guest:{{emailHash}}).");
    }

    /// <summary>The <c>user:</c> channel key prefix of a guest's inbox: <c>guest.</c>, then the email hash.</summary>
    public const string GuestChannelPrefix = "guest.";

    /// <summary>The inbox that owns a <c>user:</c> channel: <c>user:guest.{emailHash}</c> a guest's, any other a staff member's.</summary>
    public static string OfUserChannel(string channelKey) =>
        TryGuestHashOfChannel(channelKey, out var emailHash) ? Guest(emailHash) : Staff(channelKey);

    /// <summary>The email hash when the <c>user:</c> channel key is a guest inbox's (<c>guest.{64 hex digits}</c>).</summary>
    public static bool TryGuestHashOfChannel(string? channelKey, [NotNullWhen(true)] out string? emailHash)
    {
        emailHash = channelKey is not null && channelKey.StartsWith(GuestChannelPrefix, StringComparison.Ordinal)
            && IsValid(GuestPrefix + channelKey[GuestChannelPrefix.Length..])
            ? channelKey[GuestChannelPrefix.Length..]
            : null;
        return emailHash is not null;
    }

    private static bool IsUserName(string? userName) =>
        userName is not null && ChannelName.TryParse("user:" + userName, out _, out _);
}
