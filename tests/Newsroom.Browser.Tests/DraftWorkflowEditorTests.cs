using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>The editor's Status panel: the steps each person may take, their notes, the history, assignment, and the word count.</summary>
public sealed class DraftWorkflowEditorTests(BrowserNewsroom newsroom)
{
    public static readonly (string UserName, string Password) Moderator = ("mona", "mona-demo");

    [Fact]
    public async Task ReporterSubmits_EditorSeesItLiveAndApproves_PublishWithoutASlugIsRefused_ThenPublishes_AndThePublishedLinkAppears()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Council approves the harbour budget");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        var navigations = 0;
        eddie.FrameNavigated += (_, _) => navigations++;

        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("The vote was close.");
        await Assertions.Expect(Status(rosa)).ToHaveTextAsync("Draft");
        await Assertions.Expect(StepButtons(rosa)).ToHaveTextAsync(["Submit for review"]);
        await Assertions.Expect(StepButtons(eddie)).ToHaveTextAsync(["Submit for review", "Archive"]);

        await rosa.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();

        // Eddie's page follows without a reload: the status, his steps from there, and the history.
        await Assertions.Expect(Status(eddie)).ToHaveTextAsync("In review");
        await Assertions.Expect(StepButtons(eddie)).ToHaveTextAsync(["Send back", "Approve", "Archive"]);
        await Assertions.Expect(History(eddie).First).ToContainTextAsync("Rosa Reporter submitted it for review: Draft → In review");
        await Assertions.Expect(History(eddie).First.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\dT"));
        await Assertions.Expect(StepButtons(rosa)).ToHaveCountAsync(0);

        await eddie.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(Status(rosa)).ToHaveTextAsync("Approved");

        // No slug yet: the server refuses, and the page says why in its alert region.
        await eddie.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(eddie.Locator("#draft-alert[role=alert]")).ToContainTextAsync("The slug is empty; set one under the draft's details before publishing.");
        await Assertions.Expect(Status(eddie)).ToHaveTextAsync("Approved");

        var slug = $"harbour-budget-{draftId}";
        await eddie.GetByLabel("Slug").FillAsync(slug);
        await eddie.GetByLabel("Slug").PressAsync("Enter");
        await Eventually.Until(
            () => rosaSession.ReadDraftAsync(draftId),
            view => view.GetProperty("metadata").GetProperty("slug").GetString() == slug,
            TimeSpan.FromSeconds(30),
            "the slug to be stored");

        await eddie.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        foreach (var page in new[] { eddie, rosa })
        {
            await Assertions.Expect(Status(page)).ToHaveTextAsync("Published");
            await Assertions.Expect(page.Locator("#workflow-published-link")).ToHaveAttributeAsync("href", $"/articles/{slug}");
        }

        await Assertions.Expect(History(rosa)).ToHaveCountAsync(3);
        await Assertions.Expect(History(rosa).First).ToContainTextAsync("Eddie Editor published it: Approved → Published");
        await Assertions.Expect(StepButtons(eddie)).ToHaveTextAsync(["Publish an update", "Withdraw"]);
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task SendBack_AsksForAReasonInADialog_UsedByKeyboardAlone_AndTheReporterReadsItInTheHistory()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Ferry timetable changes");
        await TakeStepAsync(rosaSession, draftId, "submit");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        await Assertions.Expect(Status(eddie)).ToHaveTextAsync("In review");

        // From the top of the page, Tab reaches "Send back".
        for (var presses = 0; !await eddie.EvaluateAsync<bool>("() => document.activeElement?.dataset.step === 'send-back'"); presses++)
        {
            Assert.True(presses < 15, "Tab never reached the Send back button.");
            await eddie.Keyboard.PressAsync("Tab");
        }

        await eddie.Keyboard.PressAsync("Enter");
        var dialog = eddie.GetByRole(AriaRole.Dialog, new() { Name = "Send back" });
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.GetByLabel("A reason for the reporter")).ToBeFocusedAsync();
        await Assertions.Expect(dialog.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);

        const string reason = "Needs a second source for the new times.";
        await eddie.Keyboard.TypeAsync(reason);
        await eddie.Keyboard.PressAsync("Tab");
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Send back" })).ToBeFocusedAsync();
        await eddie.Keyboard.PressAsync("Enter");

        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(Status(rosa)).ToHaveTextAsync("Draft");
        await Assertions.Expect(History(rosa).First).ToContainTextAsync("Eddie Editor sent it back: In review → Draft");
        await Assertions.Expect(History(rosa).First.Locator(".history-note")).ToHaveTextAsync(reason);
        // The focus stays in the panel, not thrown to the top of the page with the button that went.
        Assert.True(await eddie.EvaluateAsync<bool>("() => !!document.activeElement?.closest('.workflow')"), "The focus left the Status panel.");

        // Escape leaves the dialog and takes no step.
        await TakeStepAsync(rosaSession, draftId, "submit");
        await Assertions.Expect(Status(eddie)).ToHaveTextAsync("In review");
        await eddie.GetByRole(AriaRole.Button, new() { Name = "Send back" }).FocusAsync();
        await eddie.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await eddie.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(Status(eddie)).ToHaveTextAsync("In review");
        await Assertions.Expect(History(eddie)).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task Update_OffersUpdateOrCorrection_AndTheNoteReadersWillSee()
    {
        using var adaSession = await newsroom.Server.SignInAsync("ada", "ada-demo");
        var draftId = await adaSession.CreateDraftAsync("Bridge reopens");
        var page = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        await BrowserNewsroom.DraftField(page, "body").FocusAsync();
        await page.Keyboard.TypeAsync("The bridge reopened on Monday.");
        await page.GetByLabel("Slug").FillAsync($"bridge-reopens-{draftId}");
        await page.GetByLabel("Slug").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        foreach (var step in new[] { "submit", "approve", "publish" })
        {
            await TakeStepAsync(adaSession, draftId, step);
        }

        await Assertions.Expect(Status(page)).ToHaveTextAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish an update" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Publish an update" });
        await dialog.GetByRole(AriaRole.Radio, new() { Name = "Correction" }).CheckAsync();
        await dialog.GetByLabel("The note readers will see").FillAsync("Correction: the bridge reopened on Tuesday.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish an update" }).ClickAsync();

        await Assertions.Expect(History(page).First).ToContainTextAsync("Eddie Editor published an update: Published → Published");
        await Assertions.Expect(History(page).First.Locator(".history-note")).ToHaveTextAsync("Correction: the bridge reopened on Tuesday.");
        using var http = newsroom.Server.CreateClient(new System.Net.CookieContainer());
        var article = await Eventually.Until(
            () => http.GetStringAsync($"/api/articles/bridge-reopens-{draftId}"),
            json => json.Contains("correction", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromSeconds(30),
            "the article to carry the correction");
        Assert.Contains("Correction: the bridge reopened on Tuesday.", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_SeesTheStatusAndHistoryLive_ButNoStepsAndNoAssignment()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Followed, not changed");
        var mona = await newsroom.OpenEditorAsync(Moderator, draftId);
        await Assertions.Expect(Status(mona)).ToHaveTextAsync("Draft");

        await TakeStepAsync(rosaSession, draftId, "submit");

        await Assertions.Expect(Status(mona)).ToHaveTextAsync("In review");
        await Assertions.Expect(History(mona).First).ToContainTextAsync("Rosa Reporter submitted it for review");
        await Assertions.Expect(mona.Locator("#workflow-steps button")).ToHaveCountAsync(0);
        await Assertions.Expect(mona.Locator("#workflow-assignee")).ToHaveCountAsync(0);
        await Assertions.Expect(mona.Locator("#workflow-assignee-name")).ToHaveTextAsync("nobody");
    }

    [Fact]
    public async Task Assignment_ChosenFromTheStaffList_ShowsOnEveryOpenEditor()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Who writes this");
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        var mona = await newsroom.OpenEditorAsync(Moderator, draftId);

        await eddie.GetByLabel("Assigned to").SelectOptionAsync(new SelectOptionValue { Label = "Rosa Reporter" });

        await Assertions.Expect(mona.Locator("#workflow-assignee-name")).ToHaveTextAsync("Rosa Reporter");
        var stored = await Eventually.Until(
            () => rosaSession.ReadDraftAsync(draftId),
            view => view.GetProperty("workflow").GetProperty("assignedTo").ValueKind == System.Text.Json.JsonValueKind.Object,
            TimeSpan.FromSeconds(30),
            "the assignment to be stored");
        Assert.Equal("rosa", stored.GetProperty("workflow").GetProperty("assignedTo").GetProperty("userName").GetString());
    }

    [Fact]
    public async Task WordCount_AndReadingTime_FollowTheBody_AsOneTypes()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Counting");
        var page = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var count = page.Locator("#word-count");
        await Assertions.Expect(count).ToHaveTextAsync("0 words · 0 min read");

        await BrowserNewsroom.DraftField(page, "body").FocusAsync();
        await page.Keyboard.TypeAsync("One long-term plan");
        await Assertions.Expect(count).ToHaveTextAsync("3 words · 1 min read");
        await page.Keyboard.TypeAsync(" [with a link](https://example.com/a/b/c)");
        await Assertions.Expect(count).ToHaveTextAsync("6 words · 1 min read");

        // 230 words a minute: 460 words more make 466, two minutes.
        await page.Keyboard.InsertTextAsync(string.Concat(Enumerable.Repeat(" word", 460)));
        await Assertions.Expect(count).ToHaveTextAsync("466 words · 2 min read");
    }

    internal static ILocator Status(IPage page) => page.Locator("#workflow-status");

    internal static ILocator StepButtons(IPage page) => page.Locator("#workflow-steps button");

    internal static ILocator History(IPage page) => page.Locator("#workflow-history > li");

    /// <summary>A step taken over the staff hub, as another person's page would.</summary>
    internal static async Task TakeStepAsync(StaffSession session, string draftId, string step, string? note = null)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync<System.Text.Json.JsonElement>("TakeStep", draftId, step, note, null);
    }
}
