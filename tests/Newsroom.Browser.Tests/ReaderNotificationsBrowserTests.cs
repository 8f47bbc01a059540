using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newsroom.Testing;

using static Newsroom.Browser.Tests.PageChecks;

namespace Newsroom.Browser.Tests;

/// <summary>
/// A guest reader's notifications in the browser, on a newsroom of its own with a maildev (the confirmation email is
/// read from it): subscribing from the comment widget, confirming through the email's link, and the bell in every open
/// reader tab. The shared browser, a server of its own.
/// </summary>
public sealed class ReaderNotificationsBrowserTests(BrowserNewsroom browser) : IAsyncLifetime
{
    private NewsroomOnAzurite? _newsroom;

    private NewsroomOnAzurite Newsroom => _newsroom ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartWithMailAsync(new Dictionary<string, string?>
    {
        ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
    });

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }

    [Fact]
    public async Task AGuestSubscribedToReplies_SeesAReplyInTheArticleAndFrontPageTabs_AndReadingItInOneClearsTheOther()
    {
        var slug = await PublishTrustingGuestsAsync();
        var email = $"ana-{Guid.NewGuid():n}"[..12] + "@example.org";
        var article = await OpenStoryAsync(slug);
        await article.Locator("#comment-name").FillAsync("Ana Reader");
        await article.Locator("#comment-email").FillAsync(email);
        await article.Locator("#comment-text").FillAsync("Will the count be done by morning?");
        await article.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var mine = article.Locator("#comment-list > li").Filter(new() { HasText = "Will the count be done by morning?" });
        await Assertions.Expect(mine).ToBeVisibleAsync();
        var commentId = long.Parse((await mine.GetAttributeAsync("id"))!["comment-".Length..], System.Globalization.CultureInfo.InvariantCulture);

        await Assertions.Expect(article.GetByLabel("Email (never shown; we send a link to confirm)")).ToHaveValueAsync(email);
        await article.GetByLabel("new follow-up comments").UncheckAsync();
        await article.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(article.Locator("#subscribe-status")).ToContainTextAsync($"we sent a link to {email}");
        var (_, link) = await ReaderSubscriptionMail.WaitAsync(Newsroom.MailDev, email);
        await article.GotoAsync(link.PathAndQuery);
        await article.GetByRole(AriaRole.Button, new() { Name = "Confirm subscription" }).ClickAsync();
        await Assertions.Expect(article.GetByRole(AriaRole.Heading, new() { Name = "Subscription confirmed" })).ToBeVisibleAsync();

        await article.GotoAsync($"/articles/{slug}");
        var front = await article.Context.NewPageAsync();
        await front.GotoAsync("/");
        foreach (var tab in new[] { article, front })
        {
            await Assertions.Expect(tab.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
            await Assertions.Expect(tab.Locator("#inbox-bell-count")).ToBeHiddenAsync();
        }

        await CommentingGuest.PostAsync(Newsroom.Server, slug, "By six, the clerk says.", replyTo: commentId, name: "Bo Clerk");

        foreach (var tab in new[] { article, front })
        {
            var toast = tab.GetByRole(AriaRole.Status).Filter(new() { HasText = "New notification" });
            await Assertions.Expect(toast).ToContainTextAsync("Bo Clerk replied to your comment");
            await Assertions.Expect(tab.GetByRole(AriaRole.Link, new() { Name = "Inbox 1 unread" })).ToBeVisibleAsync();
        }

        await article.GetByRole(AriaRole.Link, new() { Name = "Inbox 1 unread" }).ClickAsync();
        await Assertions.Expect(article.Locator("#inbox-list > li")).ToContainTextAsync("Bo Clerk replied to your comment");
        await Assertions.Expect(article.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
        await article.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();

        await Assertions.Expect(front.Locator("#inbox-bell-count")).ToBeHiddenAsync();
        await Assertions.Expect(front.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(article.Locator("#inbox-bell-count")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task AGuestFollowsOneCommentsReplies_FromTheKeyboard_AndAReplierNamedInMarkup_ShowsAsTextInTheToastAndTheInbox()
    {
        var slug = await PublishTrustingGuestsAsync();
        var question = await CommentingGuest.PostAsync(Newsroom.Server, slug, "Which roads close at ten?", name: "Quinn Asker");
        var email = $"kit-{Guid.NewGuid():n}"[..12] + "@example.org";
        var page = await browser.NewPageAsync(Newsroom.Server);
        await page.AddInitScriptAsync(StoryXssTests.Counter);
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");

        var notify = page.Locator($"#comment-{question}").GetByRole(AriaRole.Button, new() { Name = "Notify me of replies" });
        await notify.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var chosen = page.GetByLabel("new replies to Quinn Asker's comment");
        await Assertions.Expect(chosen).ToBeFocusedAsync();
        await Assertions.Expect(chosen).ToBeCheckedAsync();
        await page.GetByLabel("new follow-up comments").UncheckAsync();
        await page.GetByLabel("new replies to my comments").UncheckAsync();
        await page.GetByLabel("Email (never shown; we send a link to confirm)").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subscribe-status")).ToContainTextAsync($"we sent a link to {email}");
        var (mail, link) = await ReaderSubscriptionMail.WaitAsync(Newsroom.MailDev, email);
        await page.GotoAsync(link.PathAndQuery);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm subscription" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Subscription confirmed" })).ToBeVisibleAsync();
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");

        const string markup = "<img src=x onerror=alert(1)>";
        await CommentingGuest.PostAsync(Newsroom.Server, slug, "Main Street, from nine.", replyTo: question, name: markup);
        var toast = page.GetByRole(AriaRole.Status).Filter(new() { HasText = "New notification" });
        await Assertions.Expect(toast).ToContainTextAsync($"{markup} replied to a comment you follow");
        var toastImages = await toast.Locator("img").CountAsync();
        var scriptOnTheArticle = await page.EvaluateAsync<int>("() => window.__xss");
        await page.GetByRole(AriaRole.Link, new() { Name = "Inbox 1 unread" }).ClickAsync();
        var entry = page.Locator("#inbox-list > li");
        await Assertions.Expect(entry).ToContainTextAsync($"{markup} replied to a comment you follow");

        Assert.Contains("new replies to Quinn Asker's comment", mail.Text, StringComparison.Ordinal);
        Assert.Equal(0, toastImages);
        Assert.Equal(0, scriptOnTheArticle);
        Assert.Equal(0, await entry.Locator("img").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__xss"));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task TheSubscribeWidgetAndTheConfirmPage_HaveNoAxeViolations(int width)
    {
        var slug = await PublishTrustingGuestsAsync();
        var email = $"axe-{Guid.NewGuid():n}"[..12] + "@example.org";
        var page = await OpenStoryAsync(slug);
        await page.SetViewportSizeAsync(width, 800);
        await page.GetByLabel("Email (never shown; we send a link to confirm)").FillAsync("not an address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subscribe-error")).ToContainTextAsync("does not look like an email address");

        var widget = await page.RunAxe();

        await page.GetByLabel("Email (never shown; we send a link to confirm)").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.Locator("#subscribe-status")).ToContainTextAsync("we sent a link");
        var (_, link) = await ReaderSubscriptionMail.WaitAsync(Newsroom.MailDev, email);
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Confirm subscription" })).ToBeVisibleAsync();

        var confirm = await page.RunAxe();

        Assert.True(widget.Violations.Length == 0, Describe(widget));
        Assert.True(confirm.Violations.Length == 0, Describe(confirm));
    }

    private async Task<string> PublishTrustingGuestsAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(Newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        await CommentingGuest.TrustGuestsAsync(Newsroom.Server, slug);
        return slug;
    }

    private async Task<IPage> OpenStoryAsync(string slug)
    {
        var page = await browser.NewPageAsync(Newsroom.Server);
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        await Assertions.Expect(page.Locator("#subscribe-form")).ToBeVisibleAsync();
        return page;
    }
}
