using Newsroom.Testing;

namespace Newsroom.Server.Tests.Pages;

public sealed class SecurityHeadersTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task EveryPage_PublicAndStaff_CarriesTheContentSecurityPolicy_Nosniff_AndAReferrerPolicy()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Headers");

        foreach (var path in new[] { "/", "/signin", "/desk", $"/drafts/{draftId}", "/drafts/000000000000" })
        {
            using var response = await rosa.Http.GetAsync(path);

            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{path}: no Content-Security-Policy");
            var policy = Assert.Single(csp);
            var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToHashSet();
            // Reader pages are held tighter than staff pages: scripts from /js/ only.
            Assert.Contains(path == "/" ? $"script-src {newsroom.Server.BaseAddress.GetLeftPart(UriPartial.Authority)}/js/" : "script-src 'self'", directives);
            Assert.Contains("connect-src 'self'", directives);
            Assert.Contains("object-src 'none'", directives);
            Assert.Contains("base-uri 'self'", directives);
            Assert.Contains("frame-ancestors 'none'", directives);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task NoPage_HasAnInlineScript_EveryScriptComesFromJs()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("No inline script");

        foreach (var path in new[] { "/", "/signin", "/desk", $"/drafts/{draftId}", "/no-such-page" })
        {
            using var response = await rosa.Http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Contains("</html>", html, StringComparison.Ordinal);
            foreach (var script in html.Split("<script").Skip(1))
            {
                Assert.Matches("^ [^>]*src=\"/js/[^\"]+\"[^>]*></script>", script);
            }
        }
    }
}
