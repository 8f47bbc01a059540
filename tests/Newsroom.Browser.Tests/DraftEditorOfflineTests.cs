using System.Threading.Channels;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>The editor when the network goes away: it keeps working locally, says so, and catches up after.</summary>
public sealed class DraftEditorOfflineTests(BrowserNewsroom newsroom)
{
    private const string OfflineText = "Offline — your changes are kept here and will be sent when the connection returns";

    [Fact]
    public async Task GoingOffline_KeepsTypingLocally_WarnsBeforeUnload_AndOnReconnectBothPagesEndWithBothEdits()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Power cut in the press room");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Before the cut.");
        await Assertions.Expect(BrowserNewsroom.DraftField(eddie, "body")).ToContainTextAsync("Before the cut.");
        Assert.False(await WouldWarnBeforeUnloadAsync(rosa), "Nothing is unsent: leaving the page should not be questioned.");

        await rosa.Context.SetOfflineAsync(true);
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "offline");
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveTextAsync(OfflineText);

        // Typing goes on locally while offline; Eddie keeps typing too.
        await rosa.Keyboard.PressAsync("Control+End");
        await rosa.Keyboard.TypeAsync(" Typed in the dark.");
        await Assertions.Expect(BrowserNewsroom.DraftField(rosa, "body")).ToContainTextAsync("Typed in the dark.");
        await BrowserNewsroom.DraftField(eddie, "body").FocusAsync();
        await eddie.Keyboard.PressAsync("Control+Home");
        await eddie.Keyboard.TypeAsync("Desk note: ");
        await Assertions.Expect(eddie.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        Assert.DoesNotContain("Typed in the dark.", await BrowserNewsroom.DraftFieldTextAsync(eddie, "body"));
        Assert.True(await WouldWarnBeforeUnloadAsync(rosa), "A reload now would lose what was typed offline: the page must say so.");

        await rosa.Context.SetOfflineAsync(false);

        var text = await DraftEditorTests.ConvergedBodyAsync(rosa, eddie);
        Assert.Equal("Desk note: Before the cut. Typed in the dark.", text);
        Assert.Equal(text, DraftEditorTests.FieldText(await rosaSession.ReadDraftAsync(draftId), "body"));
        Assert.False(await WouldWarnBeforeUnloadAsync(rosa), "Everything is stored again: no warning.");

        // Back online, Rosa is present again: Eddie sees her caret once she moves it.
        await rosa.Keyboard.PressAsync("Control+Home");
        await Assertions.Expect(eddie.Locator("#body-editor .cm-remote-flag", new() { HasText = "Rosa Reporter" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task HubUnreachableForAWhile_IsRetriedPastSignalRsFourTries_AndTheEditorCatchesUp()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Dropped");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);

        // Every hub request fails for a while, as when a silo is down: SignalR's own policy would give up
        // after four tries.
        var blocked = 1;
        var refused = 0;
        await rosa.Context.RouteAsync("**/hubs/staff/negotiate**", async route =>
        {
            if (Volatile.Read(ref blocked) == 1)
            {
                Interlocked.Increment(ref refused);
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await rosa.EvaluateAsync("() => window.dispatchEvent(new Event('offline'))");
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "offline");
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Written while the hub was unreachable.");

        await Eventually.Until(() => Task.FromResult(Volatile.Read(ref refused)), n => n >= 5, TimeSpan.FromSeconds(40), "five refused connection attempts");
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "offline");
        Volatile.Write(ref blocked, 0);
        await rosa.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");

        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        var server = await rosaSession.ReadDraftAsync(draftId);
        Assert.Equal("Written while the hub was unreachable.", DraftEditorTests.FieldText(server, "body"));
    }

    [Fact]
    public async Task LeavingWhileOffline_TheBrowserAsksFirst_AndOnlyWhatWasNeverSentIsLost()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Leaving in the dark");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Sent before the cut.");
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await rosa.Context.SetOfflineAsync(true);
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "offline");
        await rosa.Keyboard.TypeAsync(" Never sent.");
        await Assertions.Expect(BrowserNewsroom.DraftField(rosa, "body")).ToContainTextAsync("Never sent.");

        // The browser's own leave-page dialog: first Rosa stays, then she leaves anyway.
        var dialogs = Channel.CreateUnbounded<IDialog>();
        rosa.Dialog += (_, dialog) => dialogs.Writer.TryWrite(dialog);
        await rosa.CloseAsync(new() { RunBeforeUnload = true });
        var first = await dialogs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var firstType = first.Type;
        await first.DismissAsync();
        await Assertions.Expect(BrowserNewsroom.DraftField(rosa, "body")).ToContainTextAsync("Never sent.");
        var closed = new TaskCompletionSource();
        rosa.Close += (_, _) => closed.TrySetResult();
        await rosa.CloseAsync(new() { RunBeforeUnload = true });
        await (await dialogs.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))).AcceptAsync();
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var again = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);

        Assert.Equal("beforeunload", firstType);
        Assert.Equal("Sent before the cut.", await BrowserNewsroom.DraftFieldTextAsync(again, "body"));
        Assert.Equal("Sent before the cut.", DraftEditorTests.FieldText(await rosaSession.ReadDraftAsync(draftId), "body"));
    }

    /// <summary>Whether the page's beforeunload handler would ask before leaving, without leaving.</summary>
    private static Task<bool> WouldWarnBeforeUnloadAsync(IPage page) =>
        page.EvaluateAsync<bool>(
            """
            () => {
              const e = new Event('beforeunload', { cancelable: true });
              window.dispatchEvent(e);
              return e.defaultPrevented;
            }
            """);
}
