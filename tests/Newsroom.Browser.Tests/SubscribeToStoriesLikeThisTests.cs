using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The Subscribe form's "new stories in / by / on" choices, from the keyboard: what the page sends is what the story has,
/// and signed-in staff follow those topics at once.
/// </summary>
public sealed class SubscribeToStoriesLikeThisTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task StaffChoosingTheSectionAndATag_FromTheKeyboard_FollowThem()
    {
        var unique = Guid.NewGuid().ToString("n")[..8];
        var (section, tag) = ($"Harbour {unique}", $"Ferries {unique}");
        string slug;
        await using (var desk = await PublishingDesk.OpenAsync(newsroom.Server))
        {
            (_, slug) = await desk.PublishAsync("The ferries stopped at noon.", section: section, tags: [tag, "Weather"], byline: $"Wanda {unique}");
        }

        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var hub = eddie.Connect();
        await hub.StartAsync();
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#subscribe-form")).ToBeVisibleAsync();

        await page.GetByLabel("new follow-up comments").UncheckAsync();
        await page.GetByLabel("new replies to my comments").UncheckAsync();
        await page.GetByLabel($"new stories in {section}").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel($"new stories on {tag}").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#subscribe-status")).ToContainTextAsync("You are following");
        var following = await hub.InvokeAsync<string[]>("Following");

        Assert.Contains($"section:harbour-{unique}", following);
        Assert.Contains($"tag:ferries-{unique}", following);
        Assert.DoesNotContain("tag:weather", following);
        Assert.DoesNotContain($"follow-ups:{slug}", following);
        Assert.DoesNotContain($"author:wanda-{unique}", following);
        await Assertions.Expect(page.GetByLabel($"new stories by Wanda {unique}")).Not.ToBeCheckedAsync();
    }
}
