using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Newsroom.Testing;

/// <summary>A signed-in staff member: the cookie a browser would hold, for HTTP calls and hub connections.</summary>
public sealed partial class StaffSession : IDisposable
{
    private StaffSession(NewsroomServer server, CookieContainer cookies)
    {
        Server = server;
        Cookies = cookies;
        Http = server.CreateClient(cookies);
    }

    /// <summary>The demo accounts of appsettings.Development.json; each password is the name + "-demo".</summary>
    public static (string UserName, string Password) Reporter => ("rosa", "rosa-demo");

    public static (string UserName, string Password) Editor => ("eddie", "eddie-demo");

    public NewsroomServer Server { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    /// <summary>Posts the sign-in form as a browser does, antiforgery token included.</summary>
    public static async Task<StaffSession> SignInAsync(NewsroomServer server, string userName, string password)
    {
        var session = new StaffSession(server, new CookieContainer());
        var response = await session.PostSignInAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} gave {(int)response.StatusCode}.");
        }

        return session;
    }

    public static async Task<HttpResponseMessage> PostSignIn(HttpClient http, string userName, string password)
    {
        var form = await http.GetStringAsync("/signin");
        var token = AntiforgeryToken().Match(form);
        if (!token.Success)
        {
            throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        }

        return await http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        }));
    }

    public HubConnection Connect(string hubPath = "/hubs/staff") => ConnectThrough(Server, hubPath);

    /// <summary>A connection to another silo of the same cluster, signed in with this session's cookie.</summary>
    public HubConnection ConnectThrough(NewsroomServer silo, string hubPath = "/hubs/staff") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(silo.BaseAddress, hubPath), o => o.Cookies = Cookies)
            .Build();

    public void Dispose() => Http.Dispose();

    private Task<HttpResponseMessage> PostSignInAsync(string userName, string password) => PostSignIn(Http, userName, password);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
