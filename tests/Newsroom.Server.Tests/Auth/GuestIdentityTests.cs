using System.Net;

namespace Newsroom.Server.Tests.Auth;

public sealed class GuestIdentityTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task AnonymousReader_GetsAGuestIdentityCookie_WhenTheirPageConnects_AndKeepsIt()
    {
        var cookies = new CookieContainer();
        using var http = newsroom.Server.CreateClient(cookies);

        var first = await http.PostAsync("/hubs/reader/negotiate?negotiateVersion=1", null);
        var guest = cookies.GetCookies(newsroom.Server.BaseAddress)["newsroom.guest"];
        var second = await http.PostAsync("/hubs/reader/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(guest);
        Assert.Matches("^g-[0-9a-f]{24}$", guest.Value);
        Assert.True(guest.HttpOnly);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(guest.Value, cookies.GetCookies(newsroom.Server.BaseAddress)["newsroom.guest"]!.Value);
    }

    [Fact]
    public async Task ReadingPages_SetsNoCookie_SoEveryReaderCanBeServedTheSameKeptPage()
    {
        using var http = newsroom.Server.CreateClient();

        var front = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.False(front.Headers.Contains("Set-Cookie"));
    }
}
