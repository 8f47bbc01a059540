using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Pages;

public sealed partial class SignInModel(StaffDirectory staff, SignInThrottle throttle, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var userName = UserName.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

        // Checked before the password, and the right password is refused too: otherwise guessing goes on.
        if (throttle.Check(userName, address) is { } refusal)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(refusal.RetryAfter.TotalSeconds));
            Throttled(logger, refusal.Reason, userName.Length > 64 ? userName[..64] : userName, address, seconds);
            Error = $"Too many sign-in attempts; try again in {seconds} s.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Page();
        }

        var account = staff.Verify(userName, Password);
        if (account is null)
        {
            throttle.Failed(userName, address);
            Error = "That user name and password do not match a staff account.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, account.UserName),
            new(ClaimTypes.Name, account.DisplayName),
            .. account.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
        ];
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/desk");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused without checking the password: too many failures for {Throttled}; account {Account}, address {Address}, retry after {RetryAfterSeconds} s")]
    private static partial void Throttled(ILogger logger, string throttled, string account, string address, int retryAfterSeconds);
}
