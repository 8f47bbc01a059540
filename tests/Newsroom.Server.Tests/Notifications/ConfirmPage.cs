using System.Net;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>The confirm page as a reader's browser uses it: GET the link, then POST its button's form.</summary>
public static class ConfirmPage
{
    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(NewsroomServer server, Uri link, CookieContainer? cookies = null)
    {
        using var http = server.CreateClient(cookies ?? new CookieContainer());
        using var response = await http.GetAsync(link.PathAndQuery);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs <paramref name="token"/> as the page's button would, from a browser with no cookies (another device).</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PostAsync(NewsroomServer server, string token)
    {
        using var http = server.CreateClient(new CookieContainer());
        using var response = await http.PostAsync("/notifications/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static string TokenOf(Uri link) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))["token=".Length..]);
}
