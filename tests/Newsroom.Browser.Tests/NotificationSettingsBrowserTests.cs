using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The notification settings page and the unsubscribe page: no axe violations and no sideways scroll on a desktop and
/// a phone, and the settings form works from the keyboard without script. Eddie's settings are these tests' alone.
/// </summary>
public sealed class NotificationSettingsBrowserTests(BrowserNewsroom newsroom)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(360, 740)]
    public async Task SettingsPage_HasNoAxeViolations_AndNoSidewaysScroll(int width, int height)
    {
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await page.GotoAsync("/notifications/settings");
        await Assertions.Expect(page.GetByLabel("Someone mentions me")).ToBeVisibleAsync();

        await AssertAccessible(page);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(360, 740)]
    public async Task UnsubscribePage_HasNoAxeViolations_AndNoSidewaysScroll(int width, int height)
    {
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/notifications/unsubscribe?token=not-a-token");
        await Assertions.Expect(page.Locator("#unsubscribe-invalid")).ToBeVisibleAsync();

        await AssertAccessible(page);
    }

    [Fact]
    public async Task SettingsForm_IsReachedFromTheHeader_AndSavesAChoiceFromTheKeyboard()
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Notification settings" }).ClickAsync();

        await page.GetByLabel("New stories by authors I follow").SelectOptionAsync("Daily");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save email settings" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#settings-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("New stories by authors I follow")).ToHaveValueAsync("Daily");
    }

    private static async Task AssertAccessible(IPage page)
    {
        var result = await page.RunAxe();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > innerWidth {widths[1]}");
    }
}
