using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Newsroom.Browser.Tests;

/// <summary>
/// Every refusal a reader meets when posting is said next to the form, in its alert, and what they typed stays there to
/// be fixed: empty, too long, too fast, a thread closed while the page was open.
/// </summary>
public sealed class CommentRefusalBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task AnEmptyOrTooLongComment_IsRefusedNextToTheForm_AndTheTextStays()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await OpenAsGuestAsync(slug);

        // Not the browser's own bubble, which a screen reader may not say and which disappears: the form's alert.
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        var alert = page.Locator("#comment-form").GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToHaveTextAsync("The comment is empty: write something first.");

        await page.Locator("#comment-text").FillAsync("   ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(alert).ToHaveTextAsync("The comment is empty: write something first.");
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync("   ");

        var tooLong = new string('a', 3_001);
        await page.Locator("#comment-text").FillAsync(tooLong);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await Assertions.Expect(alert).ToHaveTextAsync("A comment may be at most 3000 characters long; this one has 3001.");
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync(tooLong);
        await Assertions.Expect(page.Locator("#comment-list .comment")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ASecondCommentTooSoon_IsToldToSlowDown_NextToTheForm_AndTheTextStays()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await OpenAsGuestAsync(slug);
        await page.Locator("#comment-text").FillAsync("Turnout was 61 per cent.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-list .comment")).ToHaveCountAsync(1);

        await page.Locator("#comment-text").FillAsync("And 64 in the north.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await Assertions.Expect(page.Locator("#comment-form").GetByRole(AriaRole.Alert)).ToHaveTextAsync(new Regex(@"^Slow down: you can comment again in [1-3] s\.$"));
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync("And 64 in the north.");
        await Assertions.Expect(page.Locator("#comment-list .comment")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ACommentUnderAThreadClosedWhileThePageWasOpen_IsRefusedNextToTheForm_AndTheTextStays()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await OpenAsGuestAsync(slug);
        using (var mona = await newsroom.Server.SignInAsync("mona", "mona-demo"))
        {
            await using var hub = mona.Connect();
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("SetCommentSettings", slug, new { guestApprovalsBeforeTrust = 0, open = false });
        }

        await page.Locator("#comment-text").FillAsync("Turnout was 61 per cent.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await Assertions.Expect(page.Locator("#comment-form").GetByRole(AriaRole.Alert)).ToHaveTextAsync("Comments on this story are closed.");
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync("Turnout was 61 per cent.");
    }

    private async Task<IPage> OpenAsGuestAsync(string slug)
    {
        var page = await newsroom.NewPageAsync();
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        await Assertions.Expect(page.Locator("#comment-form")).ToBeVisibleAsync();
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        return page;
    }
}
