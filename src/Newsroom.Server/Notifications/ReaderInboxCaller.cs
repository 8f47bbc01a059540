using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Notifications;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Notifications.Guests;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Notifications;

/// <summary>
/// The reader hub caller's own inbox, and nobody else's: a signed-in staff member's, or the inbox of the email the
/// guest of the signed cookie confirmed last. Never taken from an argument, so no guest can name another's.
/// </summary>
public static class ReaderInboxCaller
{
    public const string NoInbox = "You have no inbox here yet: subscribe under a story's comments and confirm the email we send.";

    /// <summary>The caller's inbox key, or null for a guest who has confirmed no email (or has no valid cookie).</summary>
    public static Task<string?> OwnInboxKey(this IGrainFactory grains, HubCallerContext context, GuestIdentity guests) =>
        grains.OwnInboxKey(context.UserIdentifier, GuestId(context, guests));

    /// <summary>The same for a page request: the signed-in staff member's inbox, or the guest cookie's.</summary>
    public static Task<string?> OwnInboxKey(this IGrainFactory grains, HttpContext http, GuestIdentity guests) =>
        grains.OwnInboxKey(http.User.FindFirstValue(ClaimTypes.NameIdentifier), guests.Read(http).Id);

    private static async Task<string?> OwnInboxKey(this IGrainFactory grains, string? userName, string? guestId)
    {
        if (userName is not null)
        {
            return InboxKey.Staff(userName);
        }

        return guestId is not null && await grains.GetGrain<IGuestReaderGrain>(guestId).Current() is { } emailHash
            ? InboxKey.Guest(emailHash)
            : null;
    }

    public static async Task<IInboxGrain> OwnReaderInbox(this IGrainFactory grains, HubCallerContext context, GuestIdentity guests) =>
        grains.GetGrain<IInboxGrain>(await grains.OwnInboxKey(context, guests) ?? throw new HubException(NoInbox));

    /// <summary>
    /// The <c>user:</c> channel if it is the caller's own: a staff member's <c>user:{userName}</c>, or
    /// <c>user:guest.{emailHash}</c> for a guest whose cookie id confirmed that email; otherwise the refusal.
    /// </summary>
    public static async Task<ChannelName> AdmitOwn(this IGrainFactory grains, ChannelName channel, HubCallerContext context, GuestIdentity guests)
    {
        var own = context.UserIdentifier is { } userName
            ? string.Equals(channel.Key, userName, StringComparison.OrdinalIgnoreCase)
            : InboxKey.TryGuestHashOfChannel(channel.Key, out var emailHash)
                && GuestId(context, guests) is { } guestId
                && await grains.GetGrain<IGuestReaderGrain>(guestId).IsConfirmed(emailHash);
        return own ? channel : throw new HubException($"You may listen to your own inbox's channel only, not {channel}.");
    }

    private static string? GuestId(HubCallerContext context, GuestIdentity guests) =>
        context.GetHttpContext() is { } http ? guests.Read(http).Id : null;
}
