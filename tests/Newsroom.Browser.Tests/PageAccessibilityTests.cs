using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newsroom.Testing;

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
        await BrowserNewsroom.SignInAsync(page, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
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

    private static string Describe(AxeResult result) =>
        string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})"));
}
