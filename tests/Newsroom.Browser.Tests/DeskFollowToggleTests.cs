using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

using static Newsroom.Browser.Tests.PageChecks;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The desk's "Follow" on each draft row: from the keyboard it follows and unfollows exactly its own draft, also on a
/// row that arrived live; a row shows what the server says on load; and the desk with them has no axe violations and no
/// sideways scroll at 1280 and 360 px.
/// </summary>
public sealed class DeskFollowToggleTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task ARowThatArrivesLive_FromTheKeyboard_FollowsExactlyItsDraft_AndPressedAgainUnfollowsIt()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var hub = rosa.Connect();
        await hub.StartAsync();
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        // Both made after the desk is open: their rows arrive live.
        var neighbour = await rosa.CreateDraftAsync("Desk follow: the row beside it");
        var draftId = await rosa.CreateDraftAsync("Desk follow: the row followed");
        var toggle = Toggle(page, draftId);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow Desk follow: the row followed", Exact = true, Pressed = false })).ToBeEnabledAsync();
        await Assertions.Expect(Toggle(page, neighbour)).ToBeEnabledAsync();
        var before = await hub.InvokeAsync<string[]>("Following");

        await Row(page, draftId).GetByRole(AriaRole.Link).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(toggle).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Following Desk follow: the row followed", Exact = true, Pressed = true })).ToBeFocusedAsync();
        var followed = await hub.InvokeAsync<string[]>("Following");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(toggle).ToHaveTextAsync("Follow");
        var unfollowed = await hub.InvokeAsync<string[]>("Following");

        Assert.DoesNotContain($"draft:{draftId}", before);
        Assert.Contains($"draft:{draftId}", followed);
        Assert.DoesNotContain($"draft:{neighbour}", followed);
        Assert.DoesNotContain($"draft:{draftId}", unfollowed);
        await Assertions.Expect(Toggle(page, neighbour)).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Fact]
    public async Task ARow_ShowsTheServersState_WhenTheDeskOpens()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var followedId = await rosa.CreateDraftAsync("Desk follow: followed before the desk opened");
        var otherId = await rosa.CreateDraftAsync("Desk follow: never followed");
        await using var hub = rosa.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync("Follow", $"draft:{followedId}");

        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        await Assertions.Expect(Toggle(page, followedId)).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Toggle(page, followedId)).ToHaveTextAsync("Following");
        await Assertions.Expect(Toggle(page, followedId)).ToBeEnabledAsync();
        await Assertions.Expect(Toggle(page, otherId)).ToBeEnabledAsync();
        await Assertions.Expect(Toggle(page, otherId)).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(360, 740)]
    public async Task TheDesk_WithFollowTogglesOnePressed_HasNoAxeViolations_AndNoSidewaysScroll(int width, int height)
    {
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await eddie.CreateDraftAsync("Desk follow: a long headline about the council's budget vote tonight");
        var archived = await eddie.CreateDraftAsync("Desk follow: archived");
        await DraftWorkflowEditorTests.TakeStepAsync(eddie, archived, "archive");
        await using var hub = eddie.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync("Follow", $"draft:{draftId}");
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await BrowserNewsroom.SignInAsync(page, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await Assertions.Expect(Toggle(page, draftId)).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(Toggle(page, draftId)).ToBeEnabledAsync();
        // A look at the rows for people (bin/…/screenshots): the toggle must fit beside or under the headline. The whole
        // page, not a scrolled row: other tests' drafts redraw the desk's list meanwhile, detaching any row held.
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"desk-follow-{width}.png"), FullPage = true });

        var current = await page.RunAxe();
        var currentScroll = await SidewaysScrollAsync(page);
        // The Archived view: a row with both "Follow" and "Restore".
        await page.GetByRole(AriaRole.Radio, new() { Name = "Archived" }).CheckAsync();
        await Assertions.Expect(Row(page, archived).Locator("button.restore")).ToBeVisibleAsync();
        await Assertions.Expect(Toggle(page, archived)).ToBeEnabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", $"desk-follow-archived-{width}.png"), FullPage = true });
        var archivedView = await page.RunAxe();

        Assert.True(current.Violations.Length == 0, Describe(current));
        Assert.Equal("", currentScroll);
        Assert.True(archivedView.Violations.Length == 0, Describe(archivedView));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    private static ILocator Row(IPage page, string draftId) => page.Locator($"#draft-list li[data-draft-id='{draftId}']");

    private static ILocator Toggle(IPage page, string draftId) => Row(page, draftId).Locator("button.follow-toggle");
}
