using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Server.Notifications;

/// <summary>The caller's own inbox, and nobody else's: hub methods key it from the signed-in identity alone.</summary>
public static class InboxCaller
{
    public const string BusyMessage = "Your inbox did not answer in time; try again in a moment.";

    public static IInboxGrain OwnInbox(this IGrainFactory grains, HubCallerContext context) =>
        grains.GetGrain<IInboxGrain>(InboxKey.Staff(context.UserIdentifier ?? throw new HubException("Sign in to read your inbox.")));
}
