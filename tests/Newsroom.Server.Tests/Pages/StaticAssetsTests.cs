using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Pages;

public sealed partial class StaticAssetsTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task EditorScript_ReferencedByItsFingerprintedAddress_IsServedCompressed_AndCachedForAYear()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Compressed script");
        var page = await rosa.Http.GetStringAsync($"/drafts/{draftId}");
        var script = EditorScript().Match(page);
        Assert.True(script.Success, "The editor page does not reference a fingerprinted /js/editor.{fingerprint}.js.");

        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, script.Groups[1].Value);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await rosa.Http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {response.Headers.CacheControl}");
            Assert.True(response.Headers.CacheControl?.Extensions.Any(e => e.Name == "immutable"), $"Cache-Control: {response.Headers.CacheControl}");
            // Compressed: well under the 500 KB the minified script is.
            Assert.InRange(body.Length, 1_000, 200_000);
        }
    }

    [Fact]
    public async Task DeskScript_IsReferencedByItsFingerprintedAddress_AndImportsNothingElse()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var page = await rosa.Http.GetStringAsync("/desk");
        var script = DeskScript().Match(page);
        Assert.True(script.Success, "The desk page does not reference a fingerprinted /js/desk.{fingerprint}.js.");

        var source = await rosa.Http.GetStringAsync(script.Groups[1].Value);

        // A chunk imported by its plain name would only be cached for revalidation, not for a year.
        Assert.DoesNotMatch("import[^;]*from\\s*\"\\./", source);
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Favicon_IsServed(string path, string mediaType)
    {
        using var http = newsroom.Server.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task EveryPage_LinksTheIcon()
    {
        using var http = newsroom.Server.CreateClient();

        var page = await http.GetStringAsync("/");

        Assert.Matches("<link rel=\"icon\" href=\"/favicon\\.[a-z0-9]+\\.svg\" type=\"image/svg\\+xml\"", page);
    }

    [GeneratedRegex("<script type=\"module\" src=\"(/js/editor\\.[a-z0-9]{6,}\\.js)\"")]
    private static partial Regex EditorScript();

    [GeneratedRegex("<script type=\"module\" src=\"(/js/desk\\.[a-z0-9]{6,}\\.js)\"")]
    private static partial Regex DeskScript();
}
