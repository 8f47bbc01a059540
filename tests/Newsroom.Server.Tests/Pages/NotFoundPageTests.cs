using System.Net;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Pages;

public sealed class NotFoundPageTests(SharedNewsroom newsroom)
{
    [Theory]
    [InlineData("/drafts/nonexistent")]
    [InlineData("/drafts/000000000000")]
    public async Task DraftThatDoesNotExist_IsA404PageInTheLayout_SayingSo_WithALinkToTheDesk(string path)
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        using var response = await rosa.Http.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Not found · Newsroom</title>", page, StringComparison.Ordinal);
        Assert.Contains("That draft does not exist.", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/desk\">Back to the desk</a>", page, StringComparison.Ordinal);
        Assert.Contains("Sign out Rosa Reporter", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Loading…", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftThatExists_StillOpensTheEditor()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Exists");

        using var response = await rosa.Http.GetAsync($"/drafts/{draftId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"data-draft-id=\"{draftId}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/js/no-such-script.js")]
    public async Task UnknownAddress_IsA404PageInTheLayout(string path)
    {
        using var http = newsroom.Server.CreateClient();

        using var response = await http.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<title>Not found · Newsroom</title>", page, StringComparison.Ordinal);
        Assert.Contains("There is no page at this address.", page, StringComparison.Ordinal);
        Assert.Contains("Staff sign-in", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPostedWithoutItsAntiforgeryToken_IsA400PageInTheLayout()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        using var response = await rosa.Http.PostAsync("/signout", new FormUrlEncodedContent([]));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<title>Bad request · Newsroom</title>", page, StringComparison.Ordinal);
        Assert.Contains("reload the page and try again", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiAddress_KeepsAPlainAnswer_NotAPage()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        using var response = await rosa.Http.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
