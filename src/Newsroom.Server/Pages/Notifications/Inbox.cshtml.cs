using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Server.Auth;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Notifications;

/// <summary>
/// The caller's own inbox, newest first: a signed-in staff member's (kept live over the staff hub), or a guest's whose
/// cookie confirmed an email (over the reader hub). Anyone else is told how to get one. Never cached: it is one person's.
/// </summary>
[AllowAnonymous]
public sealed class InboxModel(IGrainFactory grains, GuestIdentity guests) : PageModel
{
    public const int PageSize = 20;

    public InboxPage Inbox { get; private set; } = new([], null, 0, 0);

    /// <summary>Null when the caller has no inbox (a guest who confirmed no email).</summary>
    public string? Key { get; private set; }

    /// <summary>The hub the page's script keeps the inbox live on.</summary>
    public string Hub => User.Identity?.IsAuthenticated == true ? Realtime.StaffHub.Path : GuestIdentity.ReaderHubPath;

    public async Task OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        Key = await grains.OwnInboxKey(HttpContext, guests);
        if (Key is not null)
        {
            Inbox = await grains.GetGrain<IInboxGrain>(Key).Page(null, PageSize);
            if (User.Identity?.IsAuthenticated != true)
            {
                ViewData["InboxChannel"] = InboxKey.ChannelOf(Key).ToString();
            }
        }
    }
}
