using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// What arrives live waits for the reader: a reply to a comment on screen behind "1 new reply" under it, a reply to a
/// comment still behind "N new comments" with that comment, a newly featured comment behind the button until pressed;
/// and a reply the reader is typing survives the removal of the comment it answers.
/// </summary>
public sealed class CommentFeedWaitingBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task AReplyToACommentStillBehindTheButton_ShowsUnderIt_WhenTheReaderPressesTheButton()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var page = await newsroom.OpenStoryAsync(slug);

        var question = await CommentingGuest.PostAsync(newsroom.Server, slug, "Where are the results by district?");
        await Assertions.Expect(page.Locator("#comments-new")).ToHaveTextAsync("1 new comment");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "On the council's website.", replyTo: question, name: "Ben Reader");
        await Assertions.Expect(page.Locator("#comment-count")).ToHaveTextAsync("2 comments");
        await page.Locator("#comments-new").ClickAsync();

        var replies = page.Locator($"#comment-{question} > .comment-replies > .comment");
        await Assertions.Expect(replies.Locator(".comment-text")).ToHaveTextAsync(["On the council's website."]);
        await Assertions.Expect(replies.Locator("bdi.comment-author")).ToHaveTextAsync("Ben Reader");
        await Assertions.Expect(page.Locator(".comment-new-replies")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AReplyToACommentOnScreen_WaitsBehindOneNewReplyUnderIt_SaidPolitely_AndTakesTheFocusWhenPressed()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var question = await CommentingGuest.PostAsync(newsroom.Server, slug, "Where are the results by district?");
        var page = await newsroom.OpenStoryAsync(slug);
        var replies = page.Locator($"#comment-{question} > .comment-replies > .comment");

        await CommentingGuest.PostAsync(newsroom.Server, slug, "On the council's website.", replyTo: question, name: "Ben Reader");

        var button = page.Locator($"#comment-{question} > .comment-new-replies");
        await Assertions.Expect(button).ToHaveTextAsync("1 new reply to Ana Reader");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "1 new reply to Ana Reader" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#comments-announce")).ToHaveTextAsync("1 new reply to Ana Reader");
        await Assertions.Expect(page.Locator("#comments-new")).ToBeHiddenAsync();
        Assert.Equal(0, await replies.CountAsync());

        await button.ClickAsync();

        await Assertions.Expect(replies.Locator(".comment-text")).ToHaveTextAsync(["On the council's website."]);
        await Assertions.Expect(replies.First).ToBeFocusedAsync();
        await Assertions.Expect(button).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#comments-announce")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task ANewlyFeaturedComment_IsMarkedAtOnce_AndMovesToTheTopOnlyWhenTheReaderPressesTheButton()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var first = await CommentingGuest.PostAsync(newsroom.Server, slug, "First.");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "Second.");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "Third.");
        var page = await newsroom.OpenStoryAsync(slug);
        var texts = page.Locator("#comment-list > .comment > .comment-body .comment-text");
        await Assertions.Expect(texts).ToHaveTextAsync(["Third.", "Second.", "First."]);
        await using var mona = await ModeratorAsync();

        await mona.InvokeAsync<JsonElement>("ModerateComment", slug, first, "feature", "The best answer.");

        var featured = page.Locator($"#comment-{first} > .comment-body .comment-featured");
        await Assertions.Expect(featured).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#comments-new")).ToHaveTextAsync("1 newly featured comment");
        await Assertions.Expect(texts).ToHaveTextAsync(["Third.", "Second.", "First."]);

        await page.Locator("#comments-new").ClickAsync();

        await Assertions.Expect(texts).ToHaveTextAsync(["First.", "Third.", "Second."]);
        await Assertions.Expect(page.Locator($"#comment-{first}")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comments-new")).ToBeHiddenAsync();

        // Taken back: the mark goes at once, and the comment stays where the reader has it until the next load.
        await mona.InvokeAsync<JsonElement>("ModerateComment", slug, first, "unfeature", null);
        await Assertions.Expect(featured).ToBeHiddenAsync();
        await Assertions.Expect(texts).ToHaveTextAsync(["First.", "Third.", "Second."]);
        await Assertions.Expect(page.Locator("#comments-new")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AFeaturedCommentNotYetOnThePage_IsOfferedByTheButton_AndComesToTheTopWithItsReplies()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var oldest = await CommentingGuest.PostAsync(newsroom.Server, slug, "The oldest comment.");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "An answer to it.", replyTo: oldest, name: "Ben Reader");
        for (var i = 1; i <= 20; i++)
        {
            await CommentingGuest.PostAsync(newsroom.Server, slug, $"Comment {i}.");
        }

        var page = await newsroom.OpenStoryAsync(slug);
        await Assertions.Expect(page.Locator("#comment-list > .comment")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator($"#comment-{oldest}")).ToHaveCountAsync(0);
        await using var mona = await ModeratorAsync();

        await mona.InvokeAsync<JsonElement>("ModerateComment", slug, oldest, "feature", null);
        await Assertions.Expect(page.Locator("#comments-new")).ToHaveTextAsync("1 newly featured comment");
        await page.Locator("#comments-new").ClickAsync();

        var top = page.Locator("#comment-list > .comment").First;
        await Assertions.Expect(top).ToHaveIdAsync($"comment-{oldest}");
        await Assertions.Expect(top).ToBeFocusedAsync();
        await Assertions.Expect(top.Locator("> .comment-body .comment-featured")).ToBeVisibleAsync();
        await Assertions.Expect(top.Locator("> .comment-replies > .comment .comment-text")).ToHaveTextAsync(["An answer to it."]);
        await Assertions.Expect(page.Locator("#comment-list > .comment")).ToHaveCountAsync(21);
    }

    [Fact]
    public async Task ANewCommentPressedForInOldestFirstOrder_WithMorePagesToLoad_SaysWhereItIs_AndTheFocusGoesToViewAll()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        for (var i = 1; i <= 21; i++)
        {
            await CommentingGuest.PostAsync(newsroom.Server, slug, $"Comment {i}.");
        }

        var page = await newsroom.OpenStoryAsync(slug);
        await page.Locator("#comments-sort").SelectOptionAsync("oldest");
        await Assertions.Expect(page.Locator("#comment-list > .comment").First.Locator(".comment-text")).ToHaveTextAsync("Comment 1.");

        await CommentingGuest.PostAsync(newsroom.Server, slug, "Comment 22.");
        await page.Locator("#comments-new").ClickAsync();

        await Assertions.Expect(page.Locator("#comments-more")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comments-announce"))
            .ToHaveTextAsync("1 new comment is further down the list: press \"View all comments\" to reach it.");
        await Assertions.Expect(page.Locator("#comments-new")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task ANewCommentUnderFeaturedOnes_ShowsBelowThem_WhenPressed()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var first = await CommentingGuest.PostAsync(newsroom.Server, slug, "First.");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "Second.");
        await using (var mona = await ModeratorAsync())
        {
            await mona.InvokeAsync<JsonElement>("ModerateComment", slug, first, "feature", null);
        }

        var page = await newsroom.OpenStoryAsync(slug);
        var texts = page.Locator("#comment-list > .comment > .comment-body .comment-text");
        await Assertions.Expect(texts).ToHaveTextAsync(["First.", "Second."]);

        await CommentingGuest.PostAsync(newsroom.Server, slug, "Third.");
        await page.Locator("#comments-new").ClickAsync();

        await Assertions.Expect(texts).ToHaveTextAsync(["First.", "Third.", "Second."]);
    }

    [Fact]
    public async Task AReplyBeingTyped_UnderACommentAModeratorRemoves_KeepsItsText_AndSaysWhy()
    {
        var slug = await newsroom.PublishTrustingGuestsAsync();
        var spam = await CommentingGuest.PostAsync(newsroom.Server, slug, "Buy cheap watches here.");
        var page = await newsroom.OpenStoryAsync(slug);
        await page.Locator($"#comment-{spam}").GetByRole(AriaRole.Button, new() { Name = "Reply" }).ClickAsync();
        await page.Locator("#comment-text").FillAsync("This looks like spam to me.");
        await using var mona = await ModeratorAsync();

        await mona.InvokeAsync<JsonElement>("ModerateComment", slug, spam, "remove", "Spam.");

        await Assertions.Expect(page.Locator($"#comment-{spam}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#comment-text")).ToHaveValueAsync("This looks like spam to me.");
        await Assertions.Expect(page.Locator("#comment-text")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#comment-warning")).ToHaveTextAsync("The comment you were answering was removed; your text is still here.");
        await Assertions.Expect(page.Locator("#comment-replying")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post comment" })).ToBeVisibleAsync();
    }

    private async Task<HubConnection> ModeratorAsync()
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var hub = mona.Connect();
        await hub.StartAsync();
        return hub;
    }
}
