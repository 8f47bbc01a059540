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
    public async Task StorageHangs_TheEditorSaysSoAndRetries_AndSavesOnceStorageAnswers()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Cluster__ResponseTimeout"] = "00:00:02",
        });
        using var rosaSession = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Slow storage");
        var rosa = await newsroom.NewPageAsync(server);
        await BrowserNewsroom.SignInAsync(rosa, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await BrowserNewsroom.OpenDraftEditorAsync(rosa, draftId);

        await azurite.PauseAsync();
        try
        {
            await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
            await rosa.Keyboard.TypeAsync("Filed while the store hung.");
            await Assertions.Expect(rosa.Locator("#draft-alert-text")).ToHaveTextAsync(BusyText);
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
}
