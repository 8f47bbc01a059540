using Deque.AxeCore.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

public sealed class PageAccessibilityTests(BrowserNewsroom newsroom)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    public async Task PublicPage_HasNoAxeViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task DeskPage_HasNoAxeViolations()
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }
}
