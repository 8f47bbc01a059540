using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// A reader who posts while storage hangs is told the comment is kept and will be sent again, not that something
/// failed: the text stays in the form, which waits, and once storage answers the comment appears once, by itself.
/// </summary>
public sealed class CommentStorageFaultBrowserTests(BrowserNewsroom newsroom)
{
    private const string KeptText = "The comments did not answer in time; your comment is kept here and will be sent again.";

    [Fact]
    public async Task ACommentPostedWhileStorageHangs_IsKeptAndSentAgain_AndAppearsOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Cluster__ResponseTimeout"] = "00:00:05",
        });
        string slug;
        await using (var desk = await PublishingDesk.OpenAsync(server))
        {
            (_, slug) = await desk.PublishAsync("Ballots were recounted in three districts.");
        }

        await CommentingGuest.TrustGuestsAsync(server, slug);
        var page = await newsroom.NewPageAsync(server);
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        await page.Locator("#comment-text").FillAsync("Were the recounts finished by morning?");

        await azurite.PauseAsync();
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
            var alert = page.Locator("#comment-form").GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToHaveTextAsync(KeptText, new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync("Were the recounts finished by morning?");
            await Assertions.Expect(page.Locator("#comment-text")).ToHaveJSPropertyAsync("readOnly", true);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post comment" })).ToHaveAttributeAsync("aria-disabled", "true");
            // The waiting form reads well on a phone and to a screen reader.
            await page.SetViewportSizeAsync(360, 740);
            await page.Locator("#comment-form").ScrollIntoViewIfNeededAsync();
            Assert.Equal("", await PageChecks.SidewaysScrollAsync(page));
            var axe = await page.RunAxe();
            Assert.True(axe.Violations.Length == 0, PageChecks.Describe(axe));
        }
        finally
        {
            await azurite.ResumeAsync();
        }

        // Sent again by the page, with the same key: stored once, shown once, and the form is free for the next.
        await Assertions.Expect(page.Locator("#comments-announce")).ToHaveTextAsync("Your comment is posted.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#comment-list .comment")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#comment-list .comment .comment-text")).ToHaveTextAsync("Were the recounts finished by morning?");
        await Assertions.Expect(page.Locator("#comment-form").GetByRole(AriaRole.Alert)).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveJSPropertyAsync("readOnly", false);

        var reader = await newsroom.NewPageAsync(server);
        await reader.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(reader.Locator("#comment-list .comment")).ToHaveCountAsync(1);
    }
}
