using System.Net;
using System.Net.Sockets;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Auth;

/// <summary>
/// Failed sign-ins throttled per account and per client address. Each test runs its own server with a short
/// window, and signs in from loopback addresses of its own (127.x.y.z), so nothing else shares its counts.
/// </summary>
public sealed class SignInThrottleTests(SharedNewsroom newsroom)
{
    private const string Window = "00:00:03";
    private static readonly TimeSpan _recovery = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task CorrectPassword_AfterTooManyWrongOnesForTheAccount_IsRefusedWith429_UntilTheWindowPasses()
    {
        await using var server = await NewsroomServer.StartAsync(newsroom.Azurite, new Dictionary<string, string?>
        {
            ["Newsroom__SignIn__FailuresPerAccount"] = "3",
            ["Newsroom__SignIn__FailuresPerAddress"] = "1000",
            ["Newsroom__SignIn__Window"] = Window,
        });
        var attacker = NewLoopbackAddress();
        var colleague = NewLoopbackAddress();

        // The right password from a colleague's address: the account is throttled wherever its sign-in comes from.
        var refused = await ThrottledCorrectSignIn(
            server, attacker, wrong: () => ("mona", "guess"), colleague, correct: ("mona", "mona-demo"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Matches("Too many sign-in attempts; try again in [1-3] s\\.", refused.Page);
        Assert.InRange(refused.RetryAfter, 1, 3);
        // Another account from the attacker's address is not held up.
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(server, attacker, "eddie", "eddie-demo")).Status);
        await Eventually.Until(
            () => SignIn(server, attacker, "mona", "mona-demo"),
            r => r.Status == HttpStatusCode.Redirect,
            _recovery,
            "mona's sign-in to work again after the window");
        await server.Process.LineAsync(line => line.Contains(
            $"Sign-in refused without checking the password: too many failures for the account; account mona, address {colleague}",
            StringComparison.Ordinal)).WaitAsync(TimeSpan.FromSeconds(10), "the refusal's log line");
        Assert.Contains("warn: Newsroom.Server.Pages.SignInModel", server.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", server.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectPassword_FromAnAddressWithTooManyFailures_IsRefusedWith429_ButNotFromAnotherAddress()
    {
        await using var server = await NewsroomServer.StartAsync(newsroom.Azurite, new Dictionary<string, string?>
        {
            ["Newsroom__SignIn__FailuresPerAccount"] = "1000",
            ["Newsroom__SignIn__FailuresPerAddress"] = "4",
            ["Newsroom__SignIn__Window"] = Window,
        });
        var attacker = NewLoopbackAddress();
        var elsewhere = NewLoopbackAddress();

        // A different made-up user name each time: only the address ties the failures together.
        var refused = await ThrottledCorrectSignIn(
            server, attacker, wrong: () => ($"nobody-{Guid.NewGuid():n}"[..15], "guess"), attacker, correct: ("rosa", "rosa-demo"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many sign-in attempts; try again in", refused.Page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(server, elsewhere, "rosa", "rosa-demo")).Status);
        // The server writes its log lines asynchronously: wait for the line rather than read the output at once.
        await server.Process.LineAsync(line => line.Contains(
            $"Sign-in refused without checking the password: too many failures for the address; account rosa, address {attacker}",
            StringComparison.Ordinal)).WaitAsync(TimeSpan.FromSeconds(10), "the refusal's log line");
        await Eventually.Until(
            () => SignIn(server, attacker, "rosa", "rosa-demo"),
            r => r.Status == HttpStatusCode.Redirect,
            _recovery,
            "sign-in from the address to work again after the window");
    }

    /// <summary>
    /// Wrong passwords until one is answered 429, then at once the right one (from <paramref name="correctFrom"/>),
    /// whose answer is returned. Fixed
    /// windows turn on their own clock: should one turn between those two requests, the right password gets
    /// in, and the cycle starts again (at most 5 times; a throttle that lets the right password in always
    /// fails the test).
    /// </summary>
    private static async Task<SignInAnswer> ThrottledCorrectSignIn(
        NewsroomServer server,
        IPAddress from,
        Func<(string, string)> wrong,
        IPAddress correctFrom,
        (string UserName, string Password) correct)
    {
        SignInAnswer answer = default;
        for (var cycle = 0; cycle < 5; cycle++)
        {
            for (var attempt = 0; ; attempt++)
            {
                var (userName, password) = wrong();
                var failed = await SignIn(server, from, userName, password);
                if (failed.Status == HttpStatusCode.TooManyRequests)
                {
                    break;
                }

                Assert.Equal(HttpStatusCode.Unauthorized, failed.Status);
                Assert.True(attempt < 50, "50 wrong passwords and no 429.");
            }

            answer = await SignIn(server, correctFrom, correct.UserName, correct.Password);
            if (answer.Status != HttpStatusCode.Redirect)
            {
                return answer;
            }
        }

        return answer;
    }

    private static async Task<SignInAnswer> SignIn(NewsroomServer server, IPAddress from, string userName, string password)
    {
        using var http = ClientFrom(server, from);
        using var response = await StaffSession.PostSignIn(http, userName, password);
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? (int)delta.TotalSeconds : 0;
        return new SignInAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(), retryAfter);
    }

    /// <summary>An HTTP client whose connections come from <paramref name="local"/>, a loopback address of the test's own.</summary>
    private static HttpClient ClientFrom(NewsroomServer server, IPAddress local) =>
        new(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static IPAddress NewLoopbackAddress() =>
        new([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(0, 256), (byte)Random.Shared.Next(1, 255)]);

    private readonly record struct SignInAnswer(HttpStatusCode Status, string Page, int RetryAfter);
}
