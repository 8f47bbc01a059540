using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Pages;

public sealed class SignInModel(StaffDirectory staff) : PageModel
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
        var account = staff.Verify(UserName.Trim(), Password);
        if (account is null)
        {
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
}
