using System.Text.Json;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The moderation queue page live beside readers' pages: a reader's report reaches an open queue, a moderator's
/// rejection there takes the comment off every reader's page and every open queue at once, and a comment held for
/// pre-moderation appears on the queue as it is posted and on readers' pages once approved there.
/// </summary>
public sealed class CommentModerationBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task AReaderReportsANewComment_AndAModeratorsRejection_TakesItOffBothReadersPages_AndEveryOpenQueue()
    {
        // The realistic path to the queue for a published comment: guests are trusted on this story, so the comment
        // appears at once, and a reader who finds it wrong reports it.
        var slug = await PublishAsync();
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, slug);
        var writer = await newsroom.OpenStoryAsync(slug);
        var reader = await newsroom.OpenStoryAsync(slug);
        var mona = await OpenQueueAsync("mona", "mona-demo", "/moderation?show=reported");
        var ada = await OpenQueueAsync("ada", "ada-demo", "/moderation");

        await writer.Locator("#comment-name").FillAsync("Ana Reader");
        await writer.Locator("#comment-email").FillAsync("ana@example.org");
        await writer.Locator("#comment-text").FillAsync("Buy cheap watches at my shop.");
        await writer.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(reader.Locator("#comments-new")).ToHaveTextAsync("1 new comment");
        await reader.Locator("#comments-new").ClickAsync();
        var comment = reader.Locator("#comment-list > .comment").First;
        await Assertions.Expect(comment.Locator(".comment-text")).ToHaveTextAsync("Buy cheap watches at my shop.");
        var id = await comment.GetAttributeAsync("data-id");

        await comment.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();
        await comment.GetByRole(AriaRole.Radio, new() { Name = "Spam or advertising" }).CheckAsync();
        await comment.GetByLabel("Anything a moderator should know").FillAsync("A shop, not a comment.");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Assertions.Expect(comment.GetByRole(AriaRole.Button, new() { Name = "Reported" })).ToBeDisabledAsync();

        var entry = mona.Locator($".queue-entry[data-key='{slug}:{long.Parse(id!):D12}']");
        await Assertions.Expect(entry.Locator(".queue-text")).ToHaveTextAsync("Buy cheap watches at my shop.");
        await Assertions.Expect(entry.Locator(".queue-report-count")).ToHaveTextAsync("Reported once");
        await Assertions.Expect(entry.Locator(".queue-report-reasons li")).ToHaveTextAsync("Spam or advertising: A shop, not a comment.");
        await Assertions.Expect(entry.Locator("bdi.queue-author")).ToHaveTextAsync("Ana Reader");
        await Assertions.Expect(entry.Locator(".queue-headline")).ToHaveTextAsync("Polls close at ten");
        await Assertions.Expect(entry.Locator(".queue-record")).ToHaveTextAsync("Their comments on this story: 1 published, 0 rejected or deleted");
        var adasEntry = ada.Locator($".queue-entry[data-key='{slug}:{long.Parse(id!):D12}']");
        await Assertions.Expect(adasEntry).ToBeVisibleAsync();

        await entry.GetByLabel("Reason").FillAsync("Spam for watches.");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Assertions.Expect(entry).ToHaveCountAsync(0);
        await Assertions.Expect(adasEntry).ToHaveCountAsync(0);
        var decision = $"#queue-decisions li[data-key='{slug}:{long.Parse(id!):D12}']";
        await Assertions.Expect(mona.Locator(decision)).ToContainTextAsync("Rejected by Mona Moderator · Spam for watches.");
        await Assertions.Expect(ada.Locator(decision)).ToContainTextAsync("Rejected by Mona Moderator · Spam for watches.");
        await Assertions.Expect(reader.Locator($"#comment-{id}")).ToHaveCountAsync(0);
        await Assertions.Expect(writer.Locator($"#comment-{id}")).ToHaveCountAsync(0);
        await Assertions.Expect(reader.Locator("#comment-count")).ToHaveTextAsync("0 comments");
    }

    [Fact]
    public async Task APreModeratedComment_AppearsLiveOnAnOpenQueue_AndOnceApprovedThere_AppearsOnAnOpenReadersPage()
    {
        var slug = await PublishAsync();
        await SetPreModerationAsync(slug);
        var reader = await newsroom.OpenStoryAsync(slug);
        var mona = await OpenQueueAsync("mona", "mona-demo", "/moderation?show=awaiting-approval");

        var first = await CommentingGuest.PostAsync(newsroom.Server, slug, "Is the count finished in the north?");
        var second = await CommentingGuest.PostAsync(newsroom.Server, slug, "Turnout looked high here.", name: "Ben Reader");

        var firstEntry = mona.Locator($".queue-entry[data-key='{slug}:{first:D12}']");
        var secondEntry = mona.Locator($".queue-entry[data-key='{slug}:{second:D12}']");
        await Assertions.Expect(firstEntry.Locator(".queue-rule")).ToHaveTextAsync("Pre-moderation");
        await Assertions.Expect(secondEntry.Locator(".queue-text")).ToHaveTextAsync("Turnout looked high here.");
        await Assertions.Expect(mona.Locator("#queue-announce")).ToContainTextAsync("Ben Reader");
        Assert.Equal(0, await reader.Locator("#comment-list .comment").CountAsync());

        // With the keyboard: the decision leaves the focus on the next entry, not at the top of the page.
        await firstEntry.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).FocusAsync();
        await mona.Keyboard.PressAsync("Enter");

        await Assertions.Expect(firstEntry).ToHaveCountAsync(0);
        await Assertions.Expect(secondEntry).ToBeFocusedAsync();
        await Assertions.Expect(mona.Locator($"#queue-decisions li[data-key='{slug}:{first:D12}']")).ToContainTextAsync("Approved by Mona Moderator");
        await Assertions.Expect(reader.Locator("#comments-new")).ToHaveTextAsync("1 new comment");
        await reader.Locator("#comments-new").ClickAsync();
        await Assertions.Expect(reader.Locator("#comment-list .comment-text")).ToHaveTextAsync("Is the count finished in the north?");
        await Assertions.Expect(secondEntry).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RejectingWithoutAReason_IsNotSent_AndSaysAReasonIsNeeded()
    {
        var slug = await PublishAsync();
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "A new guest's first comment.");
        var mona = await OpenQueueAsync("mona", "mona-demo", "/moderation?show=awaiting-approval");
        var entry = mona.Locator($".queue-entry[data-key='{slug}:{id:D12}']");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Assertions.Expect(entry.Locator(".queue-error")).ToHaveTextAsync("Give a reason to reject this comment: it is kept in the record.");
        await Assertions.Expect(entry.GetByLabel("Reason")).ToBeFocusedAsync();
        await Assertions.Expect(entry).ToBeVisibleAsync();
    }

    private async Task<IPage> OpenQueueAsync(string userName, string password, string path)
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, userName, password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Moderation" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Moderation queue", Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-live", "live");
        return page;
    }

    private async Task SetPreModerationAsync(string slug)
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        await using var hub = mona.Connect();
        await hub.StartAsync();
        await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<JsonElement>(
            hub, "SetCommentSettings", slug, new { mode = "pre-moderation", guestApprovalsBeforeTrust = 0 });
    }

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.", "Polls close at ten");
        return slug;
    }
}
