using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>The desk's drafts with their status and assignee, filtered on the page, and the Archived view.</summary>
public sealed class DeskWorkflowFilterTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task StatusFilter_AndAssignedToMe_ShowOnlyTheDraftsThatMatch_AndFollowChangesLive()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var inReview = await rosaSession.CreateDraftAsync("Filter: in review");
        var mine = await rosaSession.CreateDraftAsync("Filter: assigned to Eddie");
        var plain = await rosaSession.CreateDraftAsync("Filter: a plain draft");
        await DraftWorkflowEditorTests.TakeStepAsync(rosaSession, inReview, "submit");
        await AssignAsync(rosaSession, mine, "eddie");

        var eddie = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(eddie, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await Assertions.Expect(Row(eddie, inReview).Locator(".status-badge")).ToHaveTextAsync("In review");
        await Assertions.Expect(Row(eddie, mine).Locator(".state")).ToHaveTextAsync("Draft · Assigned to Eddie Editor");
        await Assertions.Expect(Row(eddie, plain).Locator(".state")).ToHaveTextAsync("Draft · Not assigned");

        await eddie.GetByLabel("Status").SelectOptionAsync("in-review");
        await Assertions.Expect(Row(eddie, inReview)).ToBeVisibleAsync();
        await Assertions.Expect(Row(eddie, mine)).ToHaveCountAsync(0);
        await Assertions.Expect(Row(eddie, plain)).ToHaveCountAsync(0);
        await AssertEveryRowAsync(eddie, ".status-badge", "In review");

        // The list is live under the filter: a draft submitted now joins it.
        await DraftWorkflowEditorTests.TakeStepAsync(rosaSession, plain, "submit");
        await Assertions.Expect(Row(eddie, plain)).ToBeVisibleAsync();

        await eddie.GetByLabel("Status").SelectOptionAsync("");
        await eddie.GetByLabel("Assigned to me").CheckAsync();
        await Assertions.Expect(Row(eddie, mine)).ToBeVisibleAsync();
        await Assertions.Expect(Row(eddie, inReview)).ToHaveCountAsync(0);
        await AssertEveryRowAsync(eddie, ".state", "Assigned to Eddie Editor");

        await eddie.GetByLabel("Assigned to me").UncheckAsync();
        await Assertions.Expect(Row(eddie, inReview)).ToBeVisibleAsync();
        await Assertions.Expect(Row(eddie, mine)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ArchivedDrafts_LeaveTheDesk_ShowInTheArchivedView_AndAnEditorRestoresOne()
    {
        using var eddieSession = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var archived = await eddieSession.CreateDraftAsync("Filter: never ran");
        var current = await eddieSession.CreateDraftAsync("Filter: still current");
        await DraftWorkflowEditorTests.TakeStepAsync(eddieSession, archived, "archive");

        var rosa = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(rosa, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var eddie = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(eddie, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await Assertions.Expect(Row(eddie, current)).ToBeVisibleAsync();
        await Assertions.Expect(Row(eddie, archived)).ToHaveCountAsync(0);

        await eddie.GetByRole(AriaRole.Radio, new() { Name = "Archived" }).CheckAsync();
        await Assertions.Expect(Row(eddie, archived).Locator(".status-badge")).ToHaveTextAsync("Archived");
        await Assertions.Expect(Row(eddie, current)).ToHaveCountAsync(0);
        await AssertEveryRowAsync(eddie, ".status-badge", "Archived");

        // Reporters see the archive, but restoring is an editor's step.
        await rosa.GetByRole(AriaRole.Radio, new() { Name = "Archived" }).CheckAsync();
        await Assertions.Expect(Row(rosa, archived)).ToBeVisibleAsync();
        await Assertions.Expect(Row(rosa, archived).GetByRole(AriaRole.Button, new() { Name = "Restore" })).ToHaveCountAsync(0);

        await Row(eddie, archived).GetByRole(AriaRole.Button, new() { Name = "Restore Filter: never ran" }).ClickAsync();
        await Assertions.Expect(Row(eddie, archived)).ToHaveCountAsync(0);
        await Assertions.Expect(Row(rosa, archived)).ToHaveCountAsync(0);
        await eddie.GetByRole(AriaRole.Radio, new() { Name = "Current drafts" }).CheckAsync();
        await Assertions.Expect(Row(eddie, archived).Locator(".status-badge")).ToHaveTextAsync("Draft");
    }

    private static ILocator Row(IPage page, string draftId) => page.Locator($"#draft-list li[data-draft-id='{draftId}']");

    private static async Task AssertEveryRowAsync(IPage page, string part, string text)
    {
        var texts = await page.Locator($"#draft-list > li {part}").AllTextContentsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Contains(text, t, StringComparison.Ordinal));
    }

    private static async Task AssignAsync(StaffSession session, string draftId, string userName)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync<System.Text.Json.JsonElement>("Assign", draftId, userName);
    }
}
