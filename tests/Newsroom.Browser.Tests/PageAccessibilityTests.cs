using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

using static Newsroom.Browser.Tests.PageChecks;

namespace Newsroom.Browser.Tests;

public sealed class PageAccessibilityTests(BrowserNewsroom newsroom)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    public async Task PublicPage_HasNoAxeViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        await page.GotoAsync(path);

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Theory]
    [InlineData("/drafts/000000000000")]
    [InlineData("/no-such-page")]
    public async Task NotFoundPage_HasNoAxeViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var response = await page.GotoAsync(path);
        Assert.Equal(404, response!.Status);
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    [Fact]
    public async Task DeskPage_HasNoAxeViolations()
    {
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
    }

    [Fact]
    public async Task DeskPage_WithDraftsAndSomeoneInOne_HasNoAxeViolations()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Accessible desk");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await Assertions.Expect(page.Locator($"#draft-list li[data-draft-id='{draftId}'] li[data-user-name='rosa']")).ToBeVisibleAsync();

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    [Fact]
    public async Task EditorPage_WithTextPreviewAndAnotherEditorsCursor_HasNoAxeViolations()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Accessible editor");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var page = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("A paragraph with *emphasis*.");
        await rosa.Keyboard.PressAsync("Enter");
        await rosa.Keyboard.PressAsync("Enter");
        await rosa.Keyboard.TypeAsync("## What happens next");
        await rosa.Keyboard.PressAsync("Enter");
        await rosa.Keyboard.PressAsync("Enter");
        await rosa.Keyboard.TypeAsync("Read also: [the first report](https://example.com/first)");
        await Assertions.Expect(page.Locator("#preview a", new() { HasText = "the first report" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#body-editor .cm-remote-flag", new() { HasText = "Rosa Reporter" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result));
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task EditorPage_WithStatusPanelHistoryAndTheNoteDialogOpen_HasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Accessible workflow");
        await DraftWorkflowEditorTests.TakeStepAsync(rosaSession, draftId, "submit");
        var page = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        await page.SetViewportSizeAsync(width, 800);
        await Assertions.Expect(DraftWorkflowEditorTests.History(page)).ToHaveCountAsync(1);
        await Assertions.Expect(DraftWorkflowEditorTests.StepButtons(page)).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#word-count")).ToHaveTextAsync("0 words · 0 min read");
        // The header's Follow toggle, pressed: its "Following" state is on the page axe checks and must fit at 360 px.
        await page.Locator("#draft-follow").ClickAsync();
        await Assertions.Expect(page.Locator("#draft-follow")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator("#draft-follow")).ToBeInViewportAsync();

        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, Describe(result));
        Assert.Equal("", await SidewaysScrollAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Send back" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Send back" })).ToBeVisibleAsync();
        var withDialog = await page.RunAxe();
        Assert.True(withDialog.Violations.Length == 0, Describe(withDialog));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task DeskPage_WithStatusesFiltersAndTheArchivedView_HasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        using var eddieSession = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var current = await eddieSession.CreateDraftAsync("Accessible desk row");
        var archived = await eddieSession.CreateDraftAsync("Accessible archive");
        await DraftWorkflowEditorTests.TakeStepAsync(eddieSession, archived, "archive");
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await BrowserNewsroom.SignInAsync(page, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        // A row of this test's own, so the check does not depend on what other tests left on the desk.
        await Assertions.Expect(page.Locator($"#draft-list li[data-draft-id='{current}'] .status-badge")).ToBeVisibleAsync();

        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, Describe(result));
        Assert.Equal("", await SidewaysScrollAsync(page));

        await page.GetByRole(AriaRole.Radio, new() { Name = "Archived" }).CheckAsync();
        await Assertions.Expect(page.Locator($"#draft-list li[data-draft-id='{archived}'] button.restore")).ToBeVisibleAsync();
        var archivedView = await page.RunAxe();
        Assert.True(archivedView.Violations.Length == 0, Describe(archivedView));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task ArticlePage_WithCommentsRepliesRatingANewCommentWaitingAndAReportForm_HasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, slug);
        var first = await CommentingGuest.PostAsync(newsroom.Server, slug, "Polls closed at ten; see https://example.org/results for the count.");
        await CommentingGuest.PostAsync(newsroom.Server, slug, "The first district has reported.", replyTo: first, name: "Ben Reader");
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        await using var moderator = mona.Connect();
        await moderator.StartAsync();
        await moderator.InvokeAsync<JsonElement>("ModerateComment", slug, first, "feature", "Useful.");
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await page.GotoAsync($"/articles/{slug}");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#comment-form")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#rating-stars")).ToBeVisibleAsync();

        await CommentingGuest.PostAsync(newsroom.Server, slug, "Turnout was the highest since 1998.", name: "Cleo Reader");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#comments-new")).ToHaveTextAsync("1 new comment");
        var result = await page.RunAxe();
        await page.Locator($"#comment-{first} .comment-reply").First.ClickAsync();
        var replying = await page.RunAxe();
        await page.Locator($"#comment-{first} .comment-report").First.ClickAsync();
        await page.Locator($"#comment-{first} .comment-report-form button[type=submit]").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator($"#comment-{first} .comment-report-error")).ToBeVisibleAsync();
        var reporting = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result));
        Assert.True(replying.Violations.Length == 0, Describe(replying));
        Assert.True(reporting.Violations.Length == 0, Describe(reporting));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task ModerationQueuePage_WithEntriesOfEachKindADecisionAndAnError_HasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, held) = await desk.PublishAsync("The count went on through the night.", "Polls close at ten in every district of the city");
        var (_, trusted) = await desk.PublishAsync("Turnout was high.", "Turnout highest since 1998");
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, trusted);
        var newGuest = await CommentingGuest.PostAsync(newsroom.Server, held, "Where do I vote?\n\nhttps://example.org/a-very-long-address-that-goes-on/and-on/without-any-space-at-all");
        await CommentingGuest.PostAsync(newsroom.Server, held, "Is the count finished?", name: "Ben Reader");
        var links = await CommentingGuest.PostAsync(newsroom.Server, trusted, "See https://a.example/1 https://b.example/2 https://c.example/3", name: "Cleo Reader");
        var reported = await CommentingGuest.PostAsync(newsroom.Server, trusted, "Buy cheap watches at my shop.", name: "Dan Seller");
        foreach (var reason in new[] { "Spam.", "Advertising." })
        {
            await using var reader = new HubConnectionBuilder()
                .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader"), o => o.Cookies = new System.Net.CookieContainer()).Build();
            await reader.StartAsync();
            await reader.InvokeAsync("ReportComment", trusted, reported, reason);
        }

        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, "mona", "mona-demo");
        await page.GotoAsync("/moderation");
        await Assertions.Expect(page.Locator("#queue")).ToHaveAttributeAsync("data-live", "live");
        foreach (var (slug, id) in new[] { (held, newGuest), (trusted, links), (trusted, reported) })
        {
            await Assertions.Expect(page.Locator($".queue-entry[data-key='{slug}:{id:D12}']")).ToBeVisibleAsync();
        }

        var first = page.Locator($".queue-entry[data-key='{held}:{newGuest:D12}']");
        await first.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator($"#queue-decisions li[data-key='{held}:{newGuest:D12}']")).ToContainTextAsync("Approved by Mona Moderator");
        var withLinks = page.Locator($".queue-entry[data-key='{trusted}:{links:D12}']");
        await withLinks.GetByRole(AriaRole.Button, new() { Name = "Ban author" }).ClickAsync();
        await Assertions.Expect(withLinks.Locator(".queue-error")).ToBeVisibleAsync();

        var result = await page.RunAxe();

        Assert.True(result.Violations.Length == 0, Describe(result));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task CommentSettingsPage_SavedAndWithAProblem_HasNoAxeViolations_AndNoSidewaysScroll(int width)
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.", "Polls close at ten in every district of the city");
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, 800);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, "mona", "mona-demo");
        await page.GotoAsync("/moderation/settings");
        await page.GetByLabel("Story address or slug").FillAsync($"/articles/{slug}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show its settings" }).ClickAsync();

        await page.GetByLabel("Moderation").SelectOptionAsync("pre-moderation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#settings-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#settings-now")).ToContainTextAsync("Now: pre-moderation, open,");
        var saved = await page.RunAxe();
        await page.GetByLabel("Shortest comment, in characters").FillAsync("500");
        await page.GetByLabel("Longest comment, in characters").FillAsync("100");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.Locator("#settings-problems")).ToBeVisibleAsync();
        var problem = await page.RunAxe();

        Assert.True(saved.Violations.Length == 0, Describe(saved));
        Assert.True(problem.Violations.Length == 0, Describe(problem));
        Assert.Equal("", await SidewaysScrollAsync(page));
    }
}
