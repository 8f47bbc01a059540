using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>An editor's WebSocket on the staff hub lets go of the sign-in cookie once it is known who connects.</summary>
public sealed class StaffSocketCookiesTests
{
    private const string Cookies = "newsroom.staff=CfDJ8-a-long-sign-in-ticket; newsroom.guest=g-1";

    [Fact]
    public async Task ASignedInStaffWebSocket_GoesOnWithoutTheCookie()
    {
        var seen = await PassThrough(StaffHub.Path, webSocket: true, signedIn: true);

        Assert.Equal(("", 0, false), seen);
    }

    [Theory]
    [InlineData("/hubs/reader", true, true)] // the reader hub reads the guest's cookie on calls
    [InlineData(StaffHub.Path + "/negotiate", false, true)] // not a WebSocket: the request ends soon anyway
    [InlineData(StaffHub.Path, true, false)] // refused by authorization already; nothing to keep
    [InlineData("/desk", false, true)]
    public async Task EveryOtherRequest_KeepsItsCookies(string path, bool webSocket, bool signedIn)
    {
        var seen = await PassThrough(path, webSocket, signedIn);

        Assert.Equal((Cookies, 2, true), seen);
    }

    /// <summary>What the hub would see: the header, the cookies parsed, and whether the parse made before (which holds the ticket) is still there.</summary>
    private static async Task<(string Header, int Parsed, bool SameParse)> PassThrough(string path, bool webSocket, bool signedIn)
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        IRequestCookiesFeature? parsed = null;
        (string, int, bool) seen = ("not reached", -1, false);
        app.UseStaffSocketsWithoutCookies();
        app.Run(context =>
        {
            var same = ReferenceEquals(context.Features.Get<IRequestCookiesFeature>(), parsed);
            seen = (context.Request.Headers.Cookie.ToString(), context.Request.Cookies.Count, same);
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpWebSocketFeature>(new WebSocketRequest(webSocket));
        context.Request.Path = path;
        context.Request.Headers.Cookie = Cookies;
        context.User = signedIn ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "rosa")], "Cookies")) : new ClaimsPrincipal(new ClaimsIdentity());
        // Authentication has parsed the cookies before this runs.
        Assert.Equal(2, context.Request.Cookies.Count);
        parsed = context.Features.Get<IRequestCookiesFeature>();

        await app.Build()(context);
        return seen;
    }

    private sealed class WebSocketRequest(bool isWebSocket) : IHttpWebSocketFeature
    {
        public bool IsWebSocketRequest => isWebSocket;

        public Task<System.Net.WebSockets.WebSocket> AcceptAsync(WebSocketAcceptContext context) => throw new NotSupportedException();
    }
}
