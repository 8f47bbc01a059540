using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Auth;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Notifications;

/// <summary>
/// The signed-in staff member's email delivery per notification kind: a plain form (no script needed), saved through
/// their mailbox grain. A form with an unknown kind or delivery is refused whole and saves nothing.
/// </summary>
[Authorize(Policy = NewsroomPolicies.Staff)]
public sealed class SettingsModel(IGrainFactory grains) : PageModel
{
    public const string FieldPrefix = "delivery-";

    public EmailPreferences Preferences { get; private set; } = new(new Dictionary<NotificationKind, EmailDelivery>(), null);

    public int Waiting { get; private set; }

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public async Task OnGetAsync() => await Load();

    public async Task<IActionResult> OnPostAsync()
    {
        var chosen = new List<(NotificationKind Kind, EmailDelivery Delivery)>();
        foreach (var (field, value) in Request.Form)
        {
            if (!field.StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                chosen.Add(MailboxCaller.ParseChoice(field[FieldPrefix.Length..], value.Count == 1 ? value[0] : null));
            }
            catch (MailboxException refused)
            {
                await Load();
                Error = refused.Message + " Nothing was saved.";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        }

        var mailbox = grains.OwnMailbox(User);
        var current = await mailbox.Preferences();
        foreach (var (kind, delivery) in chosen.Where(c => current.For(c.Kind) != c.Delivery))
        {
            await mailbox.SetDelivery(kind, delivery);
        }

        return RedirectToPage(new { saved = true });
    }

    private async Task Load()
    {
        var mailbox = grains.OwnMailbox(User);
        Preferences = await mailbox.Preferences();
        Waiting = await mailbox.Waiting();
    }
}
