using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

using static Newsroom.Browser.Tests.PageChecks;

namespace Newsroom.Browser.Tests;

public sealed class ReaderPageTests(BrowserNewsroom newsroom)
{
    // Demo stories the server publishes on its first Development start (Newsroom.Server's DemoStories).
    private const string FixtureSlug = "nazarbayev-private-talks-with-putin";
    private const string FixtureHeadline = "Kazakhstan's former president held private talks with Putin, Kremlin says";
    private const string CorrectedSlug = "city-council-approves-night-buses";

    public static TheoryData<string> ReaderPaths =>
    [
        "/",
        "/sections/world",
        $"/articles/{FixtureSlug}",
        $"/articles/{CorrectedSlug}",
        "/articles/no-such-story",
    ];

    [Theory]
    [MemberData(nameof(ReaderPaths))]
    public async Task ReaderPage_HasNoAxeViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    [Theory]
    [MemberData(nameof(ReaderPaths))]
    public async Task ReaderPage_OnA360PixelPhone_HasNoHorizontalScroll(string path)
    {
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(360, 740);
        await page.GotoAsync(path);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        Assert.True(widths[0] <= widths[1], $"{path}: scrollWidth {widths[0]} > innerWidth {widths[1]}");
    }

    [Fact]
    public async Task ArticlePage_WithoutJavaScript_ShowsTheWholeStory()
    {
        var context = await newsroom.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = newsroom.Server.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/articles/{FixtureSlug}");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(FixtureHeadline);
        await Assertions.Expect(page.Locator("#story-body p")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Astana keeps both Moscow and the West at arm's length" }).First).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task ArticlePage_GoesLive_WithoutAnyContentSecurityPolicyViolation()
    {
        var page = await newsroom.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync($"/articles/{FixtureSlug}");

        // Live: the page's script ran (from /js/, as the policy allows) and joined the story's channel on the reader hub.
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        Assert.Empty(violations);
        Assert.Equal(1, await page.Locator("script[type='application/ld+json']").CountAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sections/city")]
    public async Task ListingPage_GoesLive_WithoutAnyContentSecurityPolicyViolation(string path)
    {
        var page = await newsroom.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(path);

        // Live: the listing's script ran and joined stories:newsroom on the reader hub.
        await Assertions.Expect(page.Locator("#main")).ToHaveAttributeAsync("data-live", "live");
        Assert.Empty(violations);
        await Assertions.Expect(page.Locator("#story-list > li").First).ToBeVisibleAsync();
    }
}
