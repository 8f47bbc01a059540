using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The comment section from the keyboard alone: after posting, cancelling a reply or deleting, the focus goes where the
/// reader continues, never back to the top of the page.
/// </summary>
public sealed partial class CommentKeyboardBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task AReaderPostingWithTheKeyboard_GoesOnAtTheirComment_ShownAsTheServerShowsComments()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await newsroom.OpenStoryAsync(slug);
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        await page.Locator("#comment-text").FillAsync("Turnout was 61 per cent.");

        await page.Locator("#comment-text").PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        var mine = page.Locator("#comment-list > .comment").First;
        await Assertions.Expect(mine.Locator(".comment-text")).ToHaveTextAsync("Turnout was 61 per cent.");
        await Assertions.Expect(mine).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comments-announce")).ToHaveTextAsync("Your comment is posted.");
        await Assertions.Expect(mine.Locator(".comment-time")).ToHaveTextAsync(ServerTime());
    }

    [Fact]
    public async Task AReplyForm_ClosesWithEscape_AndTheFocusGoesBackToItsReplyButton()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var question = await CommentingGuest.PostAsync(newsroom.Server, slug, "Where are the results by district?");
        var page = await newsroom.OpenStoryAsync(slug);
        var reply = page.Locator($"#comment-{question}").GetByRole(AriaRole.Button, new() { Name = "Reply" });

        await reply.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#comment-text")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comment-replying")).ToHaveTextAsync("Replying to Ana Reader");
        await Assertions.Expect(page.Locator("#comment-submit")).ToHaveTextAsync("Post reply");
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(reply).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comment-replying")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator($"#comment-{question} #comment-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#comment-submit")).ToHaveTextAsync("Post comment");
    }

    [Fact]
    public async Task DeletingTheirCommentWithTheKeyboard_HandsTheFocusToTheNextComment()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var older = await CommentingGuest.PostAsync(newsroom.Server, slug, "An older comment.", name: "Ben Reader");
        var page = await newsroom.OpenStoryAsync(slug);
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        await page.Locator("#comment-text").FillAsync("Posted by mistake.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var mine = page.Locator("#comment-list > .comment", new() { HasText = "Posted by mistake." });
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await mine.GetByRole(AriaRole.Button, new() { Name = "Delete" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(mine).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#comment-{older}")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AReport_IsMadeWithTheKeyboard_AskingForAReason_AndEscapeGivesTheFocusBackToReport()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "Buy cheap watches here.");
        var page = await newsroom.OpenStoryAsync(slug);
        var comment = page.Locator($"#comment-{id}");
        var report = comment.GetByRole(AriaRole.Button, new() { Name = "Report", Exact = true });
        var error = comment.Locator(".comment-report-error");

        await report.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(comment.GetByRole(AriaRole.Radio, new() { Name = "Spam or advertising" })).ToBeFocusedAsync();
        await Assertions.Expect(report).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(report).ToBeFocusedAsync();
        await Assertions.Expect(comment.Locator(".comment-report-form")).ToHaveCountAsync(0);
        await Assertions.Expect(report).ToHaveAttributeAsync("aria-expanded", "false");

        await page.Keyboard.PressAsync("Enter");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Send report" }).PressAsync("Enter");
        await Assertions.Expect(error).ToHaveTextAsync("Choose why a moderator should look at this comment.");
        await Assertions.Expect(comment.GetByRole(AriaRole.Radio, new() { Name = "Spam or advertising" })).ToBeFocusedAsync();
        await comment.GetByRole(AriaRole.Radio, new() { Name = "Something else" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(error).ToHaveTextAsync("Say what is wrong with this comment.");
        await Assertions.Expect(comment.GetByLabel("Anything a moderator should know")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("It links to a shop.");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Send report" }).PressAsync("Enter");

        await Assertions.Expect(comment.GetByRole(AriaRole.Button, new() { Name = "Reported" })).ToBeDisabledAsync();
        await Assertions.Expect(comment).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comments-announce")).ToHaveTextAsync("Thank you: a moderator will look at it.");
        await Assertions.Expect(comment.Locator(".comment-report-form")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2} UTC$")]
    private static partial Regex ServerTime();
}
