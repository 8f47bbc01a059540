using System.Net;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Auth;

public sealed class StaffSignInTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task DeskPage_SendsAnAnonymousVisitorToSignIn()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await http.GetAsync("/desk");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongPassword_IsRefused_AndGivesNoSession()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await StaffSession.PostSignIn(http, "rosa", "not-her-password");
        var desk = await http.GetAsync("/desk");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("do not match a staff account", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
    }

    [Fact]
    public async Task DemoReporter_SignsIn_AndSeesTheDeskWithTheirName()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        var desk = await rosa.Http.GetAsync("/desk");
        var page = await desk.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        Assert.Contains("Rosa Reporter", page, StringComparison.Ordinal);
        Assert.Contains("reporter", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffApi_AnswersAnAnonymousCaller_With401_NotARedirect()
    {
        using var http = newsroom.Server.CreateClient();

        var response = await http.GetAsync("/api/desks/newsroom/bulletins");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
