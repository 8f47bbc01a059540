using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>The editor's "Follow" toggle: from the keyboard it follows the draft's topic, and again unfollows it.</summary>
public sealed class DraftFollowToggleTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task TheFollowToggle_FromTheKeyboard_FollowsTheDraft_AndPressedAgainUnfollowsIt()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Follow me");
        await using var hub = rosa.Connect();
        await hub.StartAsync();
        var page = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var toggle = page.Locator("#draft-follow");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true, Pressed = false })).ToBeEnabledAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        var before = await hub.InvokeAsync<string[]>("Following");

        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(toggle).ToHaveTextAsync("Following");
        var followed = await hub.InvokeAsync<string[]>("Following");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(toggle).ToHaveTextAsync("Follow");
        var unfollowed = await hub.InvokeAsync<string[]>("Following");

        Assert.DoesNotContain($"draft:{draftId}", before);
        Assert.Contains($"draft:{draftId}", followed);
        Assert.DoesNotContain($"draft:{draftId}", unfollowed);
    }

    [Fact]
    public async Task TheFollowToggle_ShowsTheServersState_WhenTheEditorOpens()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Followed already");
        await using var hub = rosa.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync("Follow", $"draft:{draftId}");

        var page = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);

        var toggle = page.Locator("#draft-follow");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(toggle).ToHaveTextAsync("Following");
        await Assertions.Expect(toggle).ToBeEnabledAsync();
    }
}
