using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

public sealed class DeskLivePageTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task BulletinPostedByAGrain_AppearsOnAnOpenDeskPage_WithoutAReload()
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var text = $"Exit poll embargo lifts at 10pm ({Guid.NewGuid():n})";
        var posted = await eddie.Http.PostAsJsonAsync("/api/desks/newsroom/bulletins", new { text });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

        var item = page.Locator("#bulletin-list li", new() { HasText = text });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(item).ToContainTextAsync("Eddie Editor");
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task BulletinTypedOnTheDeskPage_IsStored_AndShownToAnotherOpenPage()
    {
        var writer = await newsroom.NewPageAsync();
        var reader = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(writer, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await BrowserNewsroom.SignInAsync(reader, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await Assertions.Expect(reader.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
        var text = $"Counting starts in the north ({Guid.NewGuid():n})";

        await writer.GetByLabel("Post a bulletin to everyone on the desk").FillAsync(text);
        await writer.Keyboard.PressAsync("Enter");

        await Assertions.Expect(reader.Locator("#bulletin-list li", new() { HasText = text })).ToBeVisibleAsync();
        await Assertions.Expect(writer.GetByLabel("Post a bulletin to everyone on the desk")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task RejectedBulletin_ShowsTheServersReason()
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        // The input's own maxlength stops typing past 500, so send what a modified page could send.
        await page.EvaluateAsync("() => document.getElementById('bulletin-text').removeAttribute('maxlength')");
        await page.GetByLabel("Post a bulletin to everyone on the desk").FillAsync(new string('x', 501));
        await page.GetByRole(AriaRole.Button, new() { Name = "Post" }).ClickAsync();

        await Assertions.Expect(page.Locator("#bulletin-error")).ToContainTextAsync("1 to 500 characters");
    }
}
