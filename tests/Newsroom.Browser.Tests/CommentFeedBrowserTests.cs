using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// Readers with a story open see comments arrive live: behind a "N new comments" button that moves nothing until it is
/// pressed, and at once on a page served from the cache before the comment was made.
/// </summary>
public sealed class CommentFeedBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task TwoReadersOnOneStory_OnePosts_TheOtherSeesOneNewCommentButton_AndThenTheComment()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var writer = await newsroom.OpenStoryAsync(slug);
        var reader = await newsroom.OpenStoryAsync(slug);

        await writer.Locator("#comment-name").FillAsync("Ana Reader");
        await writer.Locator("#comment-email").FillAsync("ana@example.org");
        await writer.Locator("#comment-text").FillAsync("The queue at the town hall went round the block.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await Assertions.Expect(writer.Locator("#comment-list .comment-text")).ToHaveTextAsync("The queue at the town hall went round the block.");
        var button = reader.Locator("#comments-new");
        await Assertions.Expect(button).ToHaveTextAsync("1 new comment");
        await Assertions.Expect(reader.Locator("#comments-announce")).ToHaveTextAsync("1 new comment");
        await Assertions.Expect(reader.Locator("#comment-count")).ToHaveTextAsync("1 comment");
        Assert.Equal(0, await reader.Locator("#comment-list .comment").CountAsync());

        await button.ClickAsync();

        await Assertions.Expect(reader.Locator("#comment-list .comment-text")).ToHaveTextAsync("The queue at the town hall went round the block.");
        await Assertions.Expect(reader.Locator("#comment-list bdi.comment-author")).ToHaveTextAsync("Ana Reader");
        await Assertions.Expect(button).ToBeHiddenAsync();
    }

    [Fact]
    public async Task APageKeptFromBeforeAComment_ShowsTheComment_AsSoonAsItsScriptJoins()
    {
        var slug = await PublishStoryKeptFromBeforeACommentAsync("Counting resumes at eight.");

        var page = await newsroom.OpenStoryAsync(slug);

        await Assertions.Expect(page.Locator("#comment-list .comment-text")).ToHaveTextAsync("Counting resumes at eight.");
        await Assertions.Expect(page.Locator("#comment-count")).ToHaveTextAsync("1 comment");
        await Assertions.Expect(page.Locator("#comments-new")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AModeratorsRemoval_TakesTheCommentOffEveryOpenPage_AtOnce()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "Buy cheap watches here.");
        var first = await newsroom.OpenStoryAsync(slug);
        var second = await newsroom.OpenStoryAsync(slug);
        await Assertions.Expect(first.Locator($"#comment-{id}")).ToBeVisibleAsync();
        await Assertions.Expect(second.Locator($"#comment-{id}")).ToBeVisibleAsync();

        await using var mona = await ModeratorAsync();
        await mona.InvokeAsync<JsonElement>("ModerateComment", slug, id, "remove", "Spam.");

        await Assertions.Expect(first.Locator($"#comment-{id}")).ToHaveCountAsync(0);
        await Assertions.Expect(second.Locator($"#comment-{id}")).ToHaveCountAsync(0);
        await Assertions.Expect(second.Locator("#comment-count")).ToHaveTextAsync("0 comments");
    }

    [Fact]
    public async Task ACommentThatWouldBeHeld_IsWarnedAboutBeforePosting_AndTheRephrasedOneIsPosted()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await newsroom.OpenStoryAsync(slug);
        await page.Locator("#comment-name").FillAsync("Ana Reader");
        await page.Locator("#comment-email").FillAsync("ana@example.org");
        await page.Locator("#comment-text").FillAsync("Results: https://a.example/1 https://b.example/2 https://c.example/3");

        await page.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        await Assertions.Expect(page.Locator("#comment-warning")).ToContainTextAsync("You may rephrase");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post anyway" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#comment-list .comment").CountAsync());

        await page.Locator("#comment-text").FillAsync("Results are on the council's website.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post anyway" }).ClickAsync();

        await Assertions.Expect(page.Locator("#comment-list .comment-text")).ToHaveTextAsync("Results are on the council's website.");
        await Assertions.Expect(page.Locator("#comment-list .comment-held")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#comment-warning")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ARating_IsGivenWithTheKeyboard_AndShownAsTheStorysAverage()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await newsroom.OpenStoryAsync(slug);
        await Assertions.Expect(page.Locator("#rating-stars")).ToBeEnabledAsync();

        await page.GetByRole(AriaRole.Radio, new() { Name = "3 stars" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#rating-text")).ToHaveTextAsync("3.0 · 1 vote");
        await page.Keyboard.PressAsync("ArrowRight");

        await Assertions.Expect(page.Locator("#rating-text")).ToHaveTextAsync("4.0 · 1 vote");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 stars" })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task AnAuthor_EditsThenDeletesTheirOwnComment_AndTheOtherReaderSeesBoth_AtOnce()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var writer = await newsroom.OpenStoryAsync(slug);
        var reader = await newsroom.OpenStoryAsync(slug);
        await writer.Locator("#comment-name").FillAsync("Ana Reader");
        await writer.Locator("#comment-email").FillAsync("ana@example.org");
        await writer.Locator("#comment-text").FillAsync("Turnout was 61 per cent.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await reader.Locator("#comments-new").ClickAsync();
        var own = writer.Locator("#comment-list > .comment").First;
        await Assertions.Expect(reader.Locator("#comment-list .comment .comment-edit")).ToBeHiddenAsync();

        await own.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await Assertions.Expect(writer.Locator("#comment-text")).ToHaveValueAsync("Turnout was 61 per cent.");
        await writer.Locator("#comment-text").FillAsync("Turnout was 64 per cent.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(reader.Locator("#comment-list .comment-text")).ToHaveTextAsync("Turnout was 64 per cent.");
        await Assertions.Expect(reader.Locator("#comment-list .comment-edited")).ToBeVisibleAsync();
        await Assertions.Expect(own.Locator(".comment-edited")).ToBeVisibleAsync();

        writer.Dialog += (_, dialog) => dialog.AcceptAsync();
        await own.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        await Assertions.Expect(reader.Locator("#comment-list .comment")).ToHaveCountAsync(0);
        await Assertions.Expect(writer.Locator("#comment-list .comment")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator("#comment-count")).ToHaveTextAsync("0 comments");
    }

    [Fact]
    public async Task NMoreReplies_LoadsTheRestOfAConversation_UnderItsComment()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var first = await CommentingGuest.PostAsync(newsroom.Server, slug, "Where are the results by district?");
        for (var i = 1; i <= 4; i++)
        {
            await CommentingGuest.PostAsync(newsroom.Server, slug, $"Answer {i}.", replyTo: first, name: $"Reader {i}");
        }

        var page = await newsroom.OpenStoryAsync(slug);
        var replies = page.Locator($"#comment-{first} > .comment-replies > .comment");
        await Assertions.Expect(replies).ToHaveCountAsync(3);

        await page.GetByRole(AriaRole.Button, new() { Name = "1 more reply" }).ClickAsync();

        await Assertions.Expect(replies).ToHaveCountAsync(4);
        await Assertions.Expect(replies.Last.Locator(".comment-text")).ToHaveTextAsync("Answer 4.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "1 more reply" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TwoNewComments_WaitBehindOneButton_AndShowNewestFirst_WithTheFocusOnTheNewest()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await newsroom.OpenStoryAsync(slug);

        await CommentingGuest.PostAsync(newsroom.Server, slug, "First to arrive.");
        await Assertions.Expect(page.Locator("#comments-new")).ToHaveTextAsync("1 new comment");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "Second to arrive.", name: "Ben Reader");
        await Assertions.Expect(page.Locator("#comments-new")).ToHaveTextAsync("2 new comments");
        await page.Locator("#comments-new").ClickAsync();

        await Assertions.Expect(page.Locator("#comment-list > .comment .comment-text")).ToHaveTextAsync(["Second to arrive.", "First to arrive."]);
        await Assertions.Expect(page.Locator("#comment-list > .comment").First).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comments-announce")).ToHaveTextAsync("");
    }

    /// <summary>
    /// Publishes a story, renders its page, then comments, until the page is still kept after the comment. Other tests
    /// publish on the same server at the same time, and each publish empties the kept pages, so one try may be undone.
    /// </summary>
    private async Task<string> PublishStoryKeptFromBeforeACommentAsync(string comment)
    {
        using var http = newsroom.Server.CreateClient();
        for (var attempt = 1; ; attempt++)
        {
            var slug = await newsroom.PublishTrustingGuestsAsync();
            await http.GetStringAsync($"/articles/{slug}");
            await CommentingGuest.PostAsync(newsroom.Server, slug, comment);
            var kept = await http.GetAsync($"/articles/{slug}");
            if (kept.Headers.Age.HasValue)
            {
                Assert.DoesNotContain(comment, await kept.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                return slug;
            }

            Assert.True(attempt < 10, "the page was never kept, so this does not test catching up");
        }
    }

    private async Task<HubConnection> ModeratorAsync()
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var hub = mona.Connect();
        await hub.StartAsync();
        return hub;
    }
}
