using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>A moderator reads drafts but may not create or change them: the pages offer only what they may do.</summary>
public sealed class ModeratorPagesTests(BrowserNewsroom newsroom)
{
    private static (string UserName, string Password) Moderator => ("mona", "mona-demo");

    [Fact]
    public async Task Desk_ForAModerator_OffersNoNewDraft_ButListsTheDraftsToRead()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Moderators read this");
        var page = await newsroom.NewPageAsync();

        await BrowserNewsroom.SignInAsync(page, Moderator.UserName, Moderator.Password);

        await Assertions.Expect(page.Locator($"#draft-list li[data-draft-id='{draftId}']").GetByRole(AriaRole.Link))
            .ToHaveTextAsync("Moderators read this");
        await Assertions.Expect(page.GetByText("You can open and read drafts, but not create or change them.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New draft" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByLabel("Headline for a new draft (optional)")).ToHaveCountAsync(0);
        // The rest of the desk still works for them.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Post" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Desk_ForAReporter_StillOffersNewDraft()
    {
        var page = await newsroom.NewPageAsync();

        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "New draft" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("You can open and read drafts, but not create or change them.")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Editor_ForAModerator_ShowsTheDraftReadOnly_WithoutEditAffordances_AndFollowsItLive()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Read only for moderators");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var mona = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(mona, Moderator.UserName, Moderator.Password);

        await mona.Locator($"#draft-list li[data-draft-id='{draftId}']").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(mona).ToHaveURLAsync(new Regex($"/drafts/{draftId}$"));
        await Assertions.Expect(mona.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");

        await Assertions.Expect(mona.GetByRole(AriaRole.Heading, new() { Name = "Read draft", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(mona).ToHaveTitleAsync("Read draft · Newsroom");
        await Assertions.Expect(mona.GetByText("You can read this draft and see who is working on it, but not change it.")).ToBeVisibleAsync();
        foreach (var field in new[] { "headline", "standfirst", "body" })
        {
            await Assertions.Expect(BrowserNewsroom.DraftField(mona, field)).ToHaveAttributeAsync("aria-readonly", "true");
        }

        // No prompt to type in the empty fields, no note about saving, and every detail disabled.
        await Assertions.Expect(mona.Locator(".cm-placeholder")).ToHaveCountAsync(0);
        await Assertions.Expect(mona.GetByText("Saved when you leave a field; the last change wins.")).ToHaveCountAsync(0);
        foreach (var label in new[] { "Section", "Tags", "Byline", "Slug" })
        {
            await Assertions.Expect(mona.GetByLabel(label, new() { Exact = true })).ToBeDisabledAsync();
        }

        // Typing does nothing; Rosa's typing arrives live.
        await BrowserNewsroom.DraftField(mona, "body").FocusAsync();
        await mona.Keyboard.TypeAsync("moderated");
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Council votes tonight.");
        await Eventually.Until(
            () => BrowserNewsroom.DraftFieldTextAsync(mona, "body"),
            text => text == "Council votes tonight.",
            TimeSpan.FromSeconds(30),
            "Rosa's typing, and nothing of Mona's, in Mona's editor");
        Assert.Equal("Council votes tonight.", await BrowserNewsroom.DraftFieldTextAsync(rosa, "body"));
    }

    [Fact]
    public async Task Editor_ForAReporter_KeepsItsPromptsAndEditableFields()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("");

        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);

        await Assertions.Expect(rosa.GetByRole(AriaRole.Heading, new() { Name = "Edit draft", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(rosa.Locator("#headline-editor .cm-placeholder")).ToHaveTextAsync("What happened, in a line");
        await Assertions.Expect(BrowserNewsroom.DraftField(rosa, "body")).Not.ToHaveAttributeAsync("aria-readonly", "true");
        await Assertions.Expect(rosa.GetByLabel("Section", new() { Exact = true })).ToBeEnabledAsync();
    }
}
