using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains.Drafts;

namespace Newsroom.Server.Drafts;

public static class DraftCaller
{
    /// <summary>The signed-in staff member a draft call is made for; hubs and endpoints that reach drafts are staff-only.</summary>
    public static DraftUser AsDraftUser(this ClaimsPrincipal? user)
    {
        var userName = user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new DraftException("Sign in to work on drafts.");
        return new DraftUser(
            userName, user.FindFirstValue(ClaimTypes.Name) ?? userName, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
    }

    /// <summary>
    /// The staff member a hub connection belongs to, made once per connection: its principal does not change while it
    /// lives, and an editor's connection asks five times a second (every push).
    /// </summary>
    public static DraftUser AsDraftUser(this HubCallerContext connection)
    {
        if (connection.Items.TryGetValue(typeof(DraftUser), out var known) && known is DraftUser user)
        {
            return user;
        }

        user = connection.User.AsDraftUser();
        connection.Items[typeof(DraftUser)] = user;
        return user;
    }

    /// <summary>The message editors see when a draft call ran out of time; the editor keeps its changes and resends.</summary>
    public const string BusyMessage = "The draft did not answer in time; your changes are kept here and will be sent again.";
}
