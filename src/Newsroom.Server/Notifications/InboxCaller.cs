using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Server.Notifications;

/// <summary>The caller's own inbox, and nobody else's: hub methods key it from the signed-in identity alone.</summary>
public static class InboxCaller
{
    public const string BusyMessage = "Your inbox did not answer in time; try again in a moment.";

    /// <summary>The signed-in staff member's inbox channel, <c>user:{userName}</c>, or "" for anyone else.</summary>
    public static string ChannelOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userName ? InboxKey.StaffChannel(userName).ToString() : "";

    public static IInboxGrain OwnInbox(this IGrainFactory grains, ClaimsPrincipal user) =>
        grains.GetGrain<IInboxGrain>(InboxKey.Staff(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InboxException("Sign in to read your inbox.")));

    public static IInboxGrain OwnInbox(this IGrainFactory grains, HubCallerContext context) =>
        grains.GetGrain<IInboxGrain>(InboxKey.Staff(context.UserIdentifier ?? throw new HubException("Sign in to read your inbox.")));
}
