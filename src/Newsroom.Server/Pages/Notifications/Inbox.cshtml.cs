using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Server.Auth;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Notifications;

/// <summary>The signed-in staff member's own inbox, newest first; the page's script keeps it live and loads more.</summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class InboxModel(IGrainFactory grains) : PageModel
{
    public const int PageSize = 20;

    public InboxPage Inbox { get; private set; } = new([], null, 0, 0);

    public async Task OnGetAsync() => Inbox = await grains.OwnInbox(User).Page(null, PageSize);
}
