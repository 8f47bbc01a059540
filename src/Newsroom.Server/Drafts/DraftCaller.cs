using System.Security.Claims;
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

    /// <summary>The message editors see when a draft call ran out of time; the editor keeps its changes and resends.</summary>
    public const string BusyMessage = "The draft did not answer in time; your changes are kept here and will be sent again.";
}
