using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// Storage that hangs is not the end of an editing session: the editor says saving is delayed, keeps the text,
/// tries again, and once storage answers everything is saved and the message goes.
/// </summary>
public sealed class DraftEditorBusyTests(BrowserNewsroom newsroom)
{
    private const string BusyText = "The draft did not answer in time; your changes are kept here and will be sent again.";

    [Fact]
    public async Task WhileRosasTypingWaits_EddieSeesHerCaretWhereItIsInTheTextHeHas()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite);
        using var rosaSession = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Carets");
        await using (var setup = await DraftEditorClient.OpenAsync(rosaSession, draftId, "setup"))
        {
            setup.Edit("body", _ => [new Core.Changes.ChangeSpec(0, Insert: "Hello world")]);
            await setup.WaitUntilAsync(s => s.UnconfirmedCount == 0, TimeSpan.FromSeconds(30), "the body to be stored");
        }

        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId, server);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId, server);

        // Rosa's "ZZZ " cannot be stored while storage hangs, so Eddie's text does not have it; her caret after
        // "Hello" is 9 characters in on her screen and 5 on his.
        await azurite.PauseAsync();
        try
        {
            await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
            await rosa.Keyboard.PressAsync("Control+Home");
            await rosa.Keyboard.TypeAsync("ZZZ ");
            for (var i = 0; i < 5; i++)
            {
                await rosa.Keyboard.PressAsync("ArrowRight");
            }

            await Eventually.Until(() => TextBeforeRemoteCaretAsync(eddie), before => before == "Hello", TimeSpan.FromSeconds(30), "Rosa's caret after \"Hello\" on Eddie's screen");
            Assert.Equal("Hello world", await BrowserNewsroom.DraftFieldTextAsync(eddie, "body"));
        }
        finally
        {
            await azurite.ResumeAsync();
        }

        // Rosa's page is told her typing is stored when the draft answers her; Eddie's page hears of it through the
        // relay, which may be a moment later.
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await Eventually.Until(
            () => BrowserNewsroom.DraftFieldTextAsync(eddie, "body"), text => text == "ZZZ Hello world", TimeSpan.FromSeconds(30), "Rosa's typing on Eddie's screen");
        Assert.Equal("ZZZ Hello world", await BrowserNewsroom.DraftFieldTextAsync(rosa, "body"));
    }

    [Fact]
    public async Task StorageHangs_TheEditorSaysSoAndRetries_AndSavesOnceStorageAnswers()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await StartImpatientServerAsync(azurite);
        using var rosaSession = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Slow storage");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId, server);

        await azurite.PauseAsync();
        try
        {
            await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
            await rosa.Keyboard.TypeAsync("Filed while the store hung.");
            await Assertions.Expect(rosa.Locator("#draft-alert-text")).ToHaveTextAsync(BusyText, new() { Timeout = 45_000 });
            await Assertions.Expect(rosa.GetByRole(AriaRole.Button, new() { Name = "Reload the draft" })).ToBeHiddenAsync();
            await Assertions.Expect(rosa.Locator("#draft-status")).Not.ToHaveAttributeAsync("data-state", "error");
        }
        finally
        {
            await azurite.ResumeAsync();
        }

        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(rosa.Locator("#draft-alert")).ToBeHiddenAsync();
        Assert.Equal("Filed while the store hung.", DraftEditorTests.FieldText(await rosaSession.ReadDraftAsync(draftId), "body"));
    }

    // Grain calls give up after 10 s instead of 30, so a paused Azurite is answered busy soon, while a loaded CI
    // machine still finishes every call made before the pause.
    private static Task<NewsroomServer> StartImpatientServerAsync(Azurite azurite) =>
        NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["Newsroom__Cluster__ResponseTimeout"] = "00:00:10" });

    // The body line's text in front of the other editor's caret, without the carets' own name flags.
    private static Task<string?> TextBeforeRemoteCaretAsync(IPage page) =>
        page.EvaluateAsync<string?>(
            """
            () => {
              const caret = document.querySelector('#body-editor .cm-remote-caret');
              if (!caret) return null;
              const range = document.createRange();
              range.setStart(caret.closest('.cm-line'), 0);
              range.setEndBefore(caret);
              const before = range.cloneContents();
              before.querySelectorAll('.cm-remote-caret, .cm-widgetBuffer').forEach(e => e.remove());
              return before.textContent;
            }
            """);
}
