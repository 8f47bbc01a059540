using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newsroom.Testing;

using static Newsroom.Browser.Tests.PageChecks;

namespace Newsroom.Browser.Tests;

/// <summary>
/// Readers comment on a passage of the story: they select it (or choose a paragraph from the keyboard), the comment
/// is posted with the passage's place in the published body, other open pages mark the passage and count it live,
/// the mark follows the passage through an update, and a comment whose passage was changed says so.
/// </summary>
public sealed class InlineFeedbackBrowserTests(BrowserNewsroom newsroom)
{
    private const string Body = "Polls opened at *eight* in Astana.\n\nTurnout was 61 percent by noon, officials said.\n\nResults are due at midnight.";

    [Fact]
    public async Task AReaderSelectsAPassage_AndComments_TheOtherPageCountsItLive_AndShowsItUnderTheFilter()
    {
        var (_, slug) = await PublishTrustingGuestsAsync();
        await CommentingGuest.PostAsync(newsroom.Server, slug, "A comment on the whole story.", name: "Ben Reader");
        var writer = await OpenAsync(slug);
        var reader = await OpenAsync(slug);

        await SelectAsync(writer, "61 percent by noon");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Comment on this passage" }).ClickAsync();
        await Assertions.Expect(writer.Locator("#comment-about-quote")).ToHaveTextAsync("61 percent by noon");
        await Assertions.Expect(writer.Locator("#comment-text")).ToBeFocusedAsync();
        await PostAsync(writer, "Where does this figure come from?");

        var count = reader.Locator(".passage-count");
        await Assertions.Expect(count).ToHaveAttributeAsync("aria-label", "1 comment about this passage");
        await Assertions.Expect(reader.Locator("mark.passage")).ToHaveTextAsync("61 percent by noon");
        await reader.Locator("#comments-filter").SelectOptionAsync("inline");
        var shown = reader.Locator("#comment-list > .comment");
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(shown.Locator(".comment-passage")).ToHaveTextAsync("61 percent by noon");
        await Assertions.Expect(shown.Locator(".comment-text")).ToHaveTextAsync("Where does this figure come from?");
        await reader.Locator("#comments-filter").SelectOptionAsync("all");
        await Assertions.Expect(shown).ToHaveCountAsync(2);

        await count.ClickAsync();
        await Assertions.Expect(reader.Locator("#comments-filter")).ToHaveValueAsync("passage");
        await Assertions.Expect(shown).ToHaveCountAsync(1);
        await Assertions.Expect(shown.First).ToBeFocusedAsync();
    }

    [Fact]
    public async Task ASelectionAcrossEmphasis_IsPostedAsTheBodysExactText_AndShownAsThePageShowsIt()
    {
        var (_, slug) = await PublishTrustingGuestsAsync();
        var page = await OpenAsync(slug);

        await SelectAsync(page, "opened at eight in Astana");
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment on this passage" }).ClickAsync();
        await PostAsync(page, "Not seven?");

        var comment = page.Locator("#comment-list > .comment");
        await Assertions.Expect(comment.Locator(".comment-text")).ToHaveTextAsync("Not seven?");
        await Assertions.Expect(comment.Locator(".comment-passage")).ToHaveTextAsync("opened at eight in Astana");
        await Assertions.Expect(page.Locator("mark.passage")).ToHaveTextAsync(["opened at ", "eight", " in Astana"]);
    }

    [Fact]
    public async Task ASelectionOutsideTheStorysText_IsRefusedWithTheReason()
    {
        var (_, slug) = await PublishTrustingGuestsAsync();
        var page = await OpenAsync(slug);

        await SelectAsync(page, "Count goes on", within: "#story h1");

        await Assertions.Expect(page.Locator(".passage-note")).ToHaveTextAsync("Select some words of the story's text to comment on them.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Comment on this passage" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task FromTheKeyboard_AReaderChoosesAParagraph_AndPostsAboutIt()
    {
        var (_, slug) = await PublishTrustingGuestsAsync();
        var page = await OpenAsync(slug);
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");

        await page.Locator("#comment-email").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#comment-about-choice")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#comment-about-quote")).ToHaveTextAsync("Turnout was 61 percent by noon, officials said.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Which officials?");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        var comment = page.Locator("#comment-list > .comment");
        await Assertions.Expect(comment.Locator(".comment-passage")).ToHaveTextAsync("Turnout was 61 percent by noon, officials said.");
        await Assertions.Expect(page.Locator(".passage-count")).ToHaveAttributeAsync("aria-label", "1 comment about this passage");
    }

    [Fact]
    public async Task AfterASelection_TabReachesCommentOnThisPassage_AndEnterOpensTheFormAboutIt()
    {
        var (_, slug) = await PublishTrustingGuestsAsync();
        var page = await OpenAsync(slug);

        await SelectAsync(page, "Results are due at midnight");
        await Assertions.Expect(page.Locator(".passage-comment")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Comment on this passage" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#comment-about-quote")).ToHaveTextAsync("Results are due at midnight");
        await Assertions.Expect(page.Locator("#comment-about-choice")).ToHaveValueAsync("chosen");
        await Assertions.Expect(page.Locator("#comment-text")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task AnUpdateAboveThePassage_MovesItsMark_AndAnUpdateDeletingIt_LeavesTheCommentSayingThePassageWasChanged()
    {
        var (draftId, slug) = await PublishTrustingGuestsAsync();
        var from = Body.IndexOf("61 percent", StringComparison.Ordinal);
        await CommentingGuest.PostAsync(newsroom.Server, slug, "Source?", anchor: new { version = 1, from, to = from + 10, quote = "61 percent" });
        var page = await OpenAsync(slug);
        await Assertions.Expect(page.Locator("mark.passage")).ToHaveTextAsync("61 percent");
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);

        const string added = "Polls have closed.\n\n";
        await desk.EditBodyAsync(draftId, 1, Body.Length, 0, 0, added);
        await desk.Step(draftId, "update", "Update: polls have closed.", "update");
        await Assertions.Expect(page.Locator("#story-body p").First).ToHaveTextAsync("Polls have closed.");
        await Assertions.Expect(page.Locator("mark.passage")).ToHaveTextAsync("61 percent");
        await Assertions.Expect(page.Locator(".passage-count")).ToHaveAttributeAsync("aria-label", "1 comment about this passage");
        await Assertions.Expect(page.Locator("#story-body p").Nth(2).Locator("mark.passage")).ToHaveCountAsync(1);

        await desk.EditBodyAsync(draftId, 2, added.Length + Body.Length, added.Length + from, added.Length + from + 10, "58 percent");
        await desk.Step(draftId, "update", "Correction: turnout was 58 percent.", "correction");
        await Assertions.Expect(page.Locator("#story-body")).ToContainTextAsync("Turnout was 58 percent");
        await Assertions.Expect(page.Locator("mark.passage")).ToHaveCountAsync(0);

        // On screen at once, and still so when the filter loads the inline feedback again.
        var passage = page.Locator("#comment-list > .comment .comment-passage");
        await Assertions.Expect(passage).ToContainTextAsync("The passage this refers to was changed.");
        await page.Locator("#comments-filter").SelectOptionAsync("inline");
        await Assertions.Expect(passage).ToContainTextAsync("The passage this refers to was changed.");
        await Assertions.Expect(passage.Locator("p").First).ToHaveTextAsync("61 percent");
        await Assertions.Expect(page.Locator("#comment-list > .comment .comment-text")).ToHaveTextAsync("Source?");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task ArticlePage_WithMarkedPassagesAndTheInlineForm_HasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        var (_, slug) = await PublishTrustingGuestsAsync();
        var from = Body.IndexOf("Results are due", StringComparison.Ordinal);
        await CommentingGuest.PostAsync(newsroom.Server, slug, "At last.", anchor: new { version = 1, from, to = from + 15, quote = "Results are due" });
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator(".passage-count")).ToBeVisibleAsync();

        await SelectAsync(page, "Turnout was 61 percent");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Comment on this passage" })).ToBeVisibleAsync();
        var selecting = await page.RunAxe();
        Assert.Equal("", await SidewaysScrollAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Comment on this passage" }).ClickAsync();
        await Assertions.Expect(page.Locator("#comment-about-quote")).ToBeVisibleAsync();
        await page.Locator("#comments-filter").SelectOptionAsync("inline");
        await Assertions.Expect(page.Locator("#comment-list > .comment .comment-passage")).ToBeVisibleAsync();
        var commenting = await page.RunAxe();

        Assert.True(selecting.Violations.Length == 0, Describe(selecting));
        Assert.True(commenting.Violations.Length == 0, Describe(commenting));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    /// <summary>Selects <paramref name="text"/> in the page as a reader's mouse would (it may span several elements).</summary>
    internal static Task SelectAsync(IPage page, string text, string within = "#story-body") =>
        page.EvaluateAsync(
            """
            ([within, text]) => {
              const root = document.querySelector(within);
              const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              const nodes = [];
              for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
              const all = nodes.map((n) => n.data).join("");
              const at = all.indexOf(text);
              if (at < 0) throw new Error(`'${text}' is not on the page`);
              const point = (offset, isEnd) => {
                let seen = 0;
                for (const n of nodes) {
                  if (offset < seen + n.length || (isEnd && offset === seen + n.length)) return [n, offset - seen];
                  seen += n.length;
                }
              };
              const range = document.createRange();
              range.setStart(...point(at, false));
              range.setEnd(...point(at + text.length, true));
              const selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
            }
            """,
            new[] { within, text });

    private async Task<IPage> OpenAsync(string slug)
    {
        var page = await newsroom.NewPageAsync();
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        await Assertions.Expect(page.Locator("#comment-about")).ToBeVisibleAsync();
        return page;
    }

    private static async Task PostAsync(IPage page, string text)
    {
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        await page.Locator("#comment-text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
    }

    private async Task<(string DraftId, string Slug)> PublishTrustingGuestsAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var published = await desk.PublishAsync(Body);
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, published.Slug);
        return published;
    }
}
