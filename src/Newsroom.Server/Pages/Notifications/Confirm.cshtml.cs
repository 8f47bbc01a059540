using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Notifications;

/// <summary>
/// A guest's confirmation link lands here. GET only shows what will be confirmed (mail scanners follow links, and
/// must not confirm anything); the button POSTs, which confirms. A bad link gets a page saying what is wrong with it.
/// No antiforgery token: the link's own token is the secret a forged request would need, and it works from any
/// browser the email is opened in.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ConfirmModel(ReaderConfirmation confirmation) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public ConfirmOutcome State { get; private set; }

    public ReaderSubscriptionRequest? Subscription { get; private set; }

    public async Task OnGetAsync()
    {
        (State, Subscription) = await confirmation.Inspect(Token);
        Response.Headers.CacheControl = "no-store";
        if (State != ConfirmOutcome.Ready)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task OnPostAsync()
    {
        (State, Subscription) = await confirmation.Confirm(Token);
        Response.Headers.CacheControl = "no-store";
        if (State != ConfirmOutcome.Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
