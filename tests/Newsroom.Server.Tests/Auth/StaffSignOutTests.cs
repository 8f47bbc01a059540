using System.Net;
using System.Text.RegularExpressions;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Auth;

public sealed partial class StaffSignOutTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task SignOutForm_InTheHeader_CarriesAnAntiforgeryToken_AndPostingItEndsTheSession()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var desk = await rosa.Http.GetStringAsync("/desk");

        var form = SignOutForm().Match(desk);
        Assert.True(form.Success, "The desk's header has no sign-out form posting to /signout.");
        var token = Token().Match(form.Value);
        Assert.True(token.Success, "The sign-out form carries no antiforgery token.");

        var signOut = await rosa.Http.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        }));
        var deskAfter = await rosa.Http.GetAsync("/desk");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, deskAfter.StatusCode);
        Assert.StartsWith("/signin", deskAfter.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [GeneratedRegex("<form[^>]*action=\"/signout\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex SignOutForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
