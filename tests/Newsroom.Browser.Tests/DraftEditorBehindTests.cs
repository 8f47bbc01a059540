using Microsoft.Playwright;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// An editor that was away for longer than the server keeps recent updates cannot be rebased: it is told to
/// reload, keeps its text on screen to copy, and the reload brings the draft as stored.
/// </summary>
public sealed class DraftEditorBehindTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task BackOnlineTooFarBehind_SaysToReload_KeepsItsTextToCopy_AndTheReloadShowsTheStoredDraft()
    {
        // A server that keeps only the last 5 updates of a field for rebasing (20,000 by default).
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["Newsroom__Drafts__Window"] = "5" });
        using var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await eddie.CreateDraftAsync("Far behind");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId, server);

        // Rosa's connection goes when the server does, and her page cannot reconnect until the test lets it
        // (the browser's offline switch would not close a WebSocket that is already open).
        var blocked = 1;
        var refused = 0;
        await rosa.Context.RouteAsync("**/hubs/staff/negotiate**", route =>
        {
            if (Volatile.Read(ref blocked) == 0)
            {
                return route.ContinueAsync();
            }

            Interlocked.Increment(ref refused);
            return route.AbortAsync();
        });
        await server.KillAsync();
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "reconnecting");
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Written offline.");

        // Meanwhile Eddie makes a hundred separate edits on the restarted server: far more than it keeps (the
        // window is trimmed once it runs 64 updates over).
        await server.RestartAsync();
        await using (var writer = await DraftEditorClient.OpenAsync(eddie, draftId, "eddie"))
        {
            for (var i = 0; i < 100; i++)
            {
                writer.Edit("body", text => [new ChangeSpec(text.Length, Insert: $"{i % 10}")]);
            }

            await writer.WaitUntilAsync(w => w.UnconfirmedCount == 0, TimeSpan.FromSeconds(30), "Eddie's edits to be stored");
        }

        // Six refused attempts in, SignalR's own reconnect waits 15 to 30 s before the next: the network's return
        // must cut that short, well inside the 15 s allowed below.
        await Eventually.Until(() => Task.FromResult(Volatile.Read(ref refused)), n => n >= 6, TimeSpan.FromSeconds(90), "six refused reconnects");
        Volatile.Write(ref blocked, 0);
        await rosa.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");

        await Assertions.Expect(rosa.Locator("#draft-alert-text")).ToHaveTextAsync(
            "This editor fell too far behind the draft to catch up. Reload the draft; copy any text you want to keep first.",
            new() { Timeout = 15_000 });
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "error");
        Assert.Equal("Written offline.", await BrowserNewsroom.DraftFieldTextAsync(rosa, "body"));

        // The browser still asks before the reload drops the unsent text; Rosa has copied it and goes on.
        rosa.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await rosa.GetByRole(AriaRole.Button, new() { Name = "Reload the draft" }).ClickAsync();
        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        Assert.Equal(string.Concat(Enumerable.Repeat("0123456789", 10)), await BrowserNewsroom.DraftFieldTextAsync(rosa, "body"));
    }
}
