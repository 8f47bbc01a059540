using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Newsroom.Grains;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Tests.Auth;

public sealed class GuestIdentityTests(SharedNewsroom newsroom)
{
    private const string Negotiate = "/hubs/reader/negotiate?negotiateVersion=1";

    [Fact]
    public async Task AnonymousReader_GetsASignedGuestIdentity_WhenTheirPageConnects_AndKeepsIt()
    {
        var cookies = new CookieContainer();
        using var http = newsroom.Server.CreateClient(cookies);

        var first = await http.PostAsync(Negotiate, null);
        var guest = cookies.GetCookies(newsroom.Server.BaseAddress)["newsroom.guest"];
        var second = await http.PostAsync(Negotiate, null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(guest);
        Assert.DoesNotMatch("^g-[0-9a-f]{24}$", guest.Value);
        Assert.True(guest.HttpOnly);
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(guest.Value, cookies.GetCookies(newsroom.Server.BaseAddress)["newsroom.guest"]!.Value);
    }

    [Fact]
    public async Task AGuestCookieWrittenByHand_IsReplaced_WhenThePageConnects()
    {
        var cookies = new CookieContainer();
        cookies.Add(newsroom.Server.BaseAddress, new Cookie("newsroom.guest", "g-" + new string('0', 24)));
        using var http = newsroom.Server.CreateClient(cookies);

        var answer = await http.PostAsync(Negotiate, null);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(answer.Headers.Contains("Set-Cookie"));
        Assert.NotEqual("g-" + new string('0', 24), cookies.GetCookies(newsroom.Server.BaseAddress)["newsroom.guest"]!.Value);
    }

    [Fact]
    public async Task ReadingPages_SetsNoCookie_SoEveryReaderCanBeServedTheSameKeptPage()
    {
        using var http = newsroom.Server.CreateClient();

        var front = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, front.StatusCode);
        Assert.False(front.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public void AGivenCookie_ReadsAsItsGuest_AndAForgedOne_IsRefusedWithTheReason()
    {
        var guests = new GuestIdentity(new EphemeralDataProtectionProvider());
        var connecting = new DefaultHttpContext();
        connecting.Request.Path = "/hubs/reader/negotiate";
        guests.GiveIfMissing(connecting);
        var given = connecting.Response.Headers.SetCookie.ToString().Split(';')[0]["newsroom.guest=".Length..];

        var id = guests.Require(WithCookie(given));
        var forged = guests.Read(WithCookie("g-" + new string('a', 24)));
        var refusal = Assert.Throws<RefusalException>(() => guests.Require(WithCookie("g-" + new string('a', 24))));

        Assert.Matches("^g-[0-9a-f]{24}$", id);
        Assert.True(forged.IsForged);
        Assert.Equal("Your guest identity could not be verified: reload the page to get a new one.", refusal.Message);
        Assert.Throws<RefusalException>(() => guests.Require(new DefaultHttpContext()));
    }

    private static DefaultHttpContext WithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"newsroom.guest={value}";
        return context;
    }
}
