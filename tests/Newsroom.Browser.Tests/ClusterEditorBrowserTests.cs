using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// An editor's page behind nginx, in front of three silos, when its silo is killed: the page reconnects through the
/// same address to a survivor, says "reconnecting" meanwhile and nothing after, sends what was not acknowledged, and
/// its text reaches an editor on another silo; no reload, no error.
/// </summary>
public sealed class ClusterEditorBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task AnEditorsPage_KeepsEditingThroughTheKillOfItsSilo_WithoutAReload_AndItsTextReachesTheOtherEditor()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var cluster = await NewsroomCluster.StartAsync(azurite, silos: 3);
        await using var proxy = await NewsroomProxy.StartAsync(cluster.Silos);
        // Every client of this machine lands on one silo (ip_hash); the page will be there, Eddie on another.
        using var http = new HttpClient { BaseAddress = proxy.BaseAddress };
        var rosasSilo = NewsroomProxy.AnsweredBy(await http.GetAsync("/health/live"), cluster.Silos);
        var eddiesSilo = cluster.Silos.First(s => s != rosasSilo);
        using var eddieSession = await eddiesSilo.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await eddieSession.CreateDraftAsync("Counting goes on in the north");
        await using var eddie = await DraftEditorClient.OpenAsync(eddieSession, draftId, "eddie");

        var rosa = await newsroom.NewPageAsync(proxy.BaseAddress);
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        rosa.Console += (_, message) => console.Enqueue(message.Text);
        await BrowserNewsroom.HandSessionAsync(rosa, eddiesSilo, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await BrowserNewsroom.OpenDraftEditorAsync(rosa, draftId);
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Before the silo went.");
        await eddie.WaitUntilAsync(e => e.Text("body") == "Before the silo went.", TimeSpan.FromSeconds(20), "Rosa's first sentence");
        // Every state the page shows from now on, and a mark that a reload would wipe.
        await rosa.EvaluateAsync("""
            () => {
              window.sameDocument = true;
              window.states = [];
              const status = document.getElementById('draft-status');
              new MutationObserver(() => window.states.push(status.dataset.state)).observe(status, { attributes: true });
            }
            """);

        await rosasSilo.KillAsync();
        await rosa.Keyboard.TypeAsync(" Typed as it went.");

        await Assertions.Expect(rosa.Locator("#draft-status")).ToHaveAttributeAsync("data-state", new Regex("^(saved|error)$"), new() { Timeout = 60_000 });
        Assert.True(
            await rosa.Locator("#draft-status").GetAttributeAsync("data-state") == "saved",
            $"the page says: {await rosa.Locator("#draft-alert-text").TextContentAsync()}; console: {string.Join(" | ", console)}");
        const string both = "Before the silo went. Typed as it went.";
        await eddie.WaitUntilAsync(e => e.Text("body") == both, TimeSpan.FromSeconds(30), "Rosa's sentence typed through the kill");
        eddie.Edit("body", text => [new(text.Length, Insert: " Eddie confirms.")]);
        // Her own caret from the connection that died may show until its presence expires (30 s): read the text alone.
        await Eventually.Until(
            () => BrowserNewsroom.DraftFieldTextAsync(rosa, "body"), text => text == both + " Eddie confirms.", TimeSpan.FromSeconds(20), "Eddie's sentence on Rosa's page");

        var states = await rosa.EvaluateAsync<string[]>("() => window.states");
        Assert.Contains("reconnecting", states);
        Assert.DoesNotContain("error", states);
        Assert.True(await rosa.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        Assert.True(await rosa.Locator("#draft-alert").IsHiddenAsync(), await rosa.Locator("#draft-alert").InnerTextAsync());
        Assert.NotEqual(rosasSilo, NewsroomProxy.AnsweredBy(await http.GetAsync("/health/live"), cluster.Silos));
        Assert.True(eddie.Errors.IsEmpty, string.Join(" | ", eddie.Errors));
    }
}
