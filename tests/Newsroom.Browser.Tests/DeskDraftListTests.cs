using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>The desk's live list of drafts: who is in each now, its last change, and creating one.</summary>
public sealed class DeskDraftListTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task NewDraftButton_OpensTheEditor_AndAnotherDeskSeesTheDraftWhoIsInItAndItsChanges_Live()
    {
        var rosa = await newsroom.NewPageAsync();
        var eddie = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(rosa, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await BrowserNewsroom.SignInAsync(eddie, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var navigations = 0;
        eddie.FrameNavigated += (_, _) => navigations++;
        var headline = $"Floods close the northern road ({Guid.NewGuid():n})"[..48];

        await rosa.GetByLabel("Headline for a new draft (optional)").FillAsync(headline);
        await rosa.GetByRole(AriaRole.Button, new() { Name = "New draft" }).ClickAsync();
        // Polled, not waited on as a navigation (see BrowserNewsroom.SignInAsync); the editor being live is next.
        await Assertions.Expect(rosa).ToHaveURLAsync(new Regex("/drafts/[0-9a-f]{12}$"));
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(BrowserNewsroom.DraftField(rosa, "headline")).ToHaveTextAsync(headline);
        var draftId = rosa.Url[(rosa.Url.LastIndexOf('/') + 1)..];

        // Eddie's desk lists it without a reload, with Rosa in it now.
        var row = eddie.Locator($"#draft-list li[data-draft-id='{draftId}']");
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync(headline);
        await Assertions.Expect(row.Locator("li[data-user-name='rosa']")).ToHaveAttributeAsync("title", "Rosa Reporter");

        // Her edit to the headline and who made it reach the desk.
        await BrowserNewsroom.DraftField(rosa, "headline").FocusAsync();
        await rosa.Keyboard.PressAsync("End");
        await rosa.Keyboard.TypeAsync(" again");
        await Assertions.Expect(row.GetByRole(AriaRole.Link)).ToHaveTextAsync(headline + " again");
        await Assertions.Expect(row.Locator(".meta")).ToContainTextAsync("Rosa Reporter");

        // She leaves: the desk no longer shows her in it.
        await rosa.Context.CloseAsync();
        await Assertions.Expect(row.Locator("li[data-user-name='rosa']")).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);

        // The link opens the editor with the text as she left it.
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(eddie.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(BrowserNewsroom.DraftField(eddie, "headline")).ToHaveTextAsync(headline + " again");
    }

    // A desk of hundreds of drafts, dozens of them being edited, must not draw every row again on each change.
    [Fact]
    public async Task ALiveChange_DrawsItsOwnRowAgainAndMovesItUp_KeepingTheOtherRowsAsTheyWere()
    {
        using var eddieSession = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var tag = Guid.NewGuid().ToString("n")[..8];
        var changed = await eddieSession.CreateDraftAsync($"Changed row {tag}");
        var kept = await eddieSession.CreateDraftAsync($"Kept row {tag}");
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, StaffSession.Editor.UserName, StaffSession.Editor.Password);
        ILocator Row(string id) => page.Locator($"#draft-list li[data-draft-id='{id}']");
        await Assertions.Expect(Row(kept)).ToBeVisibleAsync();
        await Assertions.Expect(Row(changed)).ToBeVisibleAsync();
        const string mark = "(id) => document.querySelector(`#draft-list li[data-draft-id='${id}']`).dataset.drawnBefore = 'yes'";
        await page.EvaluateAsync(mark, kept);
        await page.EvaluateAsync(mark, changed);

        await using (var writer = await DraftEditorClient.OpenAsync(eddieSession, changed))
        {
            writer.Edit("headline", doc => [new(doc.Length, Insert: " again")]);
            await writer.WaitUntilAsync(e => e.UnconfirmedCount == 0, TimeSpan.FromSeconds(30), "the headline's change confirmed");
            await Assertions.Expect(Row(changed).GetByRole(AriaRole.Link)).ToHaveTextAsync($"Changed row {tag} again");
        }

        Assert.Null(await Row(changed).GetAttributeAsync("data-drawn-before"));
        Assert.Equal("yes", await Row(kept).GetAttributeAsync("data-drawn-before"));
        var order = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#draft-list > li')].map(li => li.dataset.draftId)");
        Assert.True(Array.IndexOf(order, changed) < Array.IndexOf(order, kept), "The changed draft is not above the one changed before it.");
    }

    [Fact]
    public async Task NewDraftButton_PutsTheFocusInTheHeadline_SoTypingGoesOnFromWhatWasTypedOnTheDesk()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var rosa = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(rosa, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        await rosa.GetByLabel("Headline for a new draft (optional)").FillAsync("Harbour wall");
        await rosa.GetByRole(AriaRole.Button, new() { Name = "New draft" }).ClickAsync();
        // The address is the draft's own again once the editor has read that the draft is new.
        await Assertions.Expect(rosa).ToHaveURLAsync(new Regex("/drafts/[0-9a-f]{12}$"));
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await rosa.Keyboard.TypeAsync(" gives way in the storm");

        var draftId = rosa.Url[(rosa.Url.LastIndexOf('/') + 1)..];
        await Assertions.Expect(BrowserNewsroom.DraftField(rosa, "headline")).ToHaveTextAsync("Harbour wall gives way in the storm");
        var stored = await Eventually.Until(
            () => rosaSession.ReadDraftAsync(draftId),
            view => DraftEditorTests.FieldText(view, "headline") == "Harbour wall gives way in the storm",
            TimeSpan.FromSeconds(30),
            "the headline typed after New draft to be stored");
        Assert.Equal("", DraftEditorTests.FieldText(stored, "body"));

        // An existing draft opens without taking the focus: a stray key must not change its headline.
        await rosa.ReloadAsync();
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        Assert.True(await rosa.EvaluateAsync<bool>("() => document.activeElement === document.body"), "An opened draft took the focus.");
    }
}
