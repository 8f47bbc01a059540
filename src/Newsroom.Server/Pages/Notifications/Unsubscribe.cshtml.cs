using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Pages.Notifications;

/// <summary>
/// An email's unsubscribe link. GET only shows what the link would do, with a button: mail scanners follow links, and
/// a GET must change nothing. POST (the button, or a mail program's one-click <c>List-Unsubscribe-Post</c>) sets the
/// email's kinds to Never, once. A changed or expired link gets 400, a used one 410, and neither changes anything.
/// </summary>
[AllowAnonymous]
// The signed token is what authorises the POST; a mail program's one-click POST carries no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, IGrainFactory grains) : PageModel
{
    public enum Outcome
    {
        Confirm,
        Done,
        Invalid,
        Used,
    }

    [BindProperty(SupportsGet = true, Name = "token")]
    public string? Token { get; set; }

    public Outcome State { get; private set; }

    public IReadOnlyList<NotificationKind> Kinds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (tokens.Read(Token) is not { } token)
        {
            return Show(Outcome.Invalid, StatusCodes.Status400BadRequest);
        }

        Kinds = token.Kinds;
        return await grains.GetGrain<IMailboxGrain>(token.Inbox).UnsubscribeUsed(token.Nonce)
            ? Show(Outcome.Used, StatusCodes.Status410Gone)
            : Show(Outcome.Confirm, StatusCodes.Status200OK);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (tokens.Read(Token) is not { } token)
        {
            return Show(Outcome.Invalid, StatusCodes.Status400BadRequest);
        }

        Kinds = token.Kinds;
        var done = await grains.GetGrain<IMailboxGrain>(token.Inbox).Unsubscribe(token.Kinds, token.Nonce);
        return done.AlreadyUsed ? Show(Outcome.Used, StatusCodes.Status410Gone) : Show(Outcome.Done, StatusCodes.Status200OK);
    }

    private PageResult Show(Outcome state, int status)
    {
        State = state;
        Response.StatusCode = status;
        return Page();
    }
}
