using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The article page is kept in the cache for every reader, so a reader's own marks come from the reader hub once the
/// page is connected: after a reload their votes show pressed, their stars checked, and their own comment has Edit and
/// Delete (for the edit window), while other readers' comments do not; a guest's name and email are remembered too.
/// </summary>
public sealed class CommentOwnMarksBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task AReadersVoteRatingAndOwnComment_ShowAsTheirs_AfterAReload_AndNotToAnotherReader()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var theirs = await CommentingGuest.PostAsync(newsroom.Server, slug, "Turnout was 61 per cent.", name: "Ben Reader");
        var page = await newsroom.OpenStoryAsync(slug);
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        await page.Locator("#comment-text").FillAsync("And in the north?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var mine = page.Locator("#comment-list > .comment", new() { HasText = "And in the north?" });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await page.Locator($"#comment-{theirs} .comment-vote[data-vote=up]").ClickAsync();
        await Assertions.Expect(page.Locator($"#comment-{theirs} .comment-up")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Radio, new() { Name = "4 stars" }).CheckAsync();
        await Assertions.Expect(page.Locator("#rating-text")).ToHaveTextAsync("4.0 · 1 vote");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");

        await Assertions.Expect(page.Locator($"#comment-{theirs} .comment-vote[data-vote=up]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator($"#comment-{theirs} .comment-vote[data-vote=down]")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 stars" })).ToBeCheckedAsync();
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToBeVisibleAsync();
        await Assertions.Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"#comment-{theirs} .comment-edit")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#comment-name")).ToHaveValueAsync("Ana Reader");
        await Assertions.Expect(page.Locator("#comment-email")).ToHaveValueAsync("ana@example.org");

        // Pressed again after the reload, the vote is taken back: the page knew it was there.
        await page.Locator($"#comment-{theirs} .comment-vote[data-vote=up]").ClickAsync();
        await Assertions.Expect(page.Locator($"#comment-{theirs} .comment-up")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator($"#comment-{theirs} .comment-vote[data-vote=up]")).ToHaveAttributeAsync("aria-pressed", "false");

        var other = await newsroom.OpenStoryAsync(slug);
        await Assertions.Expect(other.Locator("#comment-list > .comment", new() { HasText = "And in the north?" })).ToHaveCountAsync(1);
        await Assertions.Expect(other.Locator(".comment-edit:visible")).ToHaveCountAsync(0);
        await Assertions.Expect(other.Locator(".comment-vote[aria-pressed=true]")).ToHaveCountAsync(0);
    }
}
