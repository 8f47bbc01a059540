using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// "Follow the queue" on the moderation queue page: from the keyboard it follows <c>moderation</c> and again unfollows
/// it, it shows what the server says on load, and the page with it has no axe violations and no sideways scroll.
/// </summary>
public sealed class ModerationQueueFollowTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task FollowTheQueue_FromTheKeyboard_FollowsModeration_AndPressedAgainUnfollowsIt()
    {
        using var moira = await newsroom.Server.SignInAsync(BrowserNewsroom.QueueFollower.UserName, BrowserNewsroom.QueueFollower.Password);
        await using var hub = moira.Connect();
        await hub.StartAsync();
        var before = await hub.InvokeAsync<string[]>("Following");

        var page = await OpenQueueAsync(1280);
        var toggle = page.Locator("#queue-follow");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow the queue", Exact = true, Pressed = false })).ToBeEnabledAsync();

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following the queue", Exact = true, Pressed = true })).ToBeFocusedAsync();
        var followed = await hub.InvokeAsync<string[]>("Following");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow the queue", Exact = true, Pressed = false })).ToBeFocusedAsync();
        var unfollowed = await hub.InvokeAsync<string[]>("Following");

        Assert.DoesNotContain("moderation", before);
        Assert.Contains("moderation", followed);
        Assert.DoesNotContain("moderation", unfollowed);
        await Assertions.Expect(page.Locator("#queue-follow-error")).ToBeHiddenAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task QueuePage_ShowsTheServersState_AndWithTheToggleHasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        // Mona, whom the demo makes follow the queue: the toggle says so on load, and nothing here changes it.
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        await using var hub = mona.Connect();
        await hub.StartAsync();
        await Eventually.Until(
            () => hub.InvokeAsync<string[]>("Following"), f => f.Contains("moderation"), TimeSpan.FromSeconds(30), "mona following the moderation queue");
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, "mona", "mona-demo");
        await page.GotoAsync("/moderation");
        await Assertions.Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-live", "live");

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following the queue", Exact = true, Pressed = true })).ToBeEnabledAsync();
        // A look for people (bin/…/screenshots): the toggle and its hint under the heading.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"queue-follow-{width}.png") });
        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, PageChecks.Describe(result));
        Assert.Equal("", await PageChecks.SidewaysScrollAsync(page));
    }

    private async Task<IPage> OpenQueueAsync(int width)
    {
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, BrowserNewsroom.QueueFollower.UserName, BrowserNewsroom.QueueFollower.Password);
        await page.GotoAsync("/moderation");
        await Assertions.Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-live", "live");
        return page;
    }
}
