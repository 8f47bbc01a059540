using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>The pages under their Content-Security-Policy: nothing they use is blocked, in Chromium itself.</summary>
public sealed class ContentSecurityPolicyTests(BrowserNewsroom newsroom)
{
    // Runs before any page script (through the DevTools protocol, which the policy does not govern).
    private const string RecordViolations =
        """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [Fact]
    public async Task EditorPage_CoEditingWithCursorsAndPreview_UnderThePolicy_HasNoViolations()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Policy");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.NewPageAsync();
        var console = await Watch(eddie);
        var sockets = new List<string>();
        eddie.WebSocket += (_, socket) =>
        {
            lock (sockets)
            {
                sockets.Add("opened " + socket.Url);
            }

            socket.SocketError += (_, error) =>
            {
                lock (sockets)
                {
                    sockets.Add($"failed {socket.Url}: {error}");
                }
            };
        };
        await BrowserNewsroom.SignInAsync(eddie, StaffSession.Editor.UserName, StaffSession.Editor.Password);

        var response = await eddie.GotoAsync($"/drafts/{draftId}");
        await Assertions.Expect(eddie.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("A *styled* paragraph, typed live.");
        await Assertions.Expect(eddie.Locator("#preview em")).ToHaveTextAsync("styled");
        await Assertions.Expect(eddie.Locator("#body-editor .cm-remote-flag", new() { HasText = "Rosa Reporter" })).ToBeVisibleAsync();
        await BrowserNewsroom.DraftField(eddie, "headline").FocusAsync();
        await eddie.Keyboard.PressAsync("End");
        await eddie.Keyboard.TypeAsync(" holds");
        await Eventually.Until(
            () => BrowserNewsroom.DraftFieldTextAsync(rosa, "headline"),
            text => text == "Policy holds",
            TimeSpan.FromSeconds(30),
            "Eddie's typing in Rosa's headline");
        await Assertions.Expect(eddie.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");

        Assert.Contains("script-src 'self'", await response!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        await AssertNoViolations(eddie, console);
        // connect-src 'self' lets the hub's WebSocket (ws: on the same host and port) through, not only fallbacks.
        lock (sockets)
        {
            Assert.Contains(sockets, s => s.StartsWith("opened ws://", StringComparison.Ordinal) && s.Contains("/hubs/staff", StringComparison.Ordinal));
            Assert.DoesNotContain(sockets, s => s.StartsWith("failed", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/desk")]
    [InlineData("/drafts/000000000000")]
    public async Task StaffPage_UnderThePolicy_HasNoViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        var console = await Watch(page);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, StaffSession.Editor.UserName, StaffSession.Editor.Password);

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoViolations(page, console);
    }

    [Theory]
    [InlineData("/moderation")]
    [InlineData("/moderation/settings")]
    public async Task ModeratorPage_UnderThePolicy_HasNoViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        var console = await Watch(page);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, "mona", "mona-demo");

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoViolations(page, console);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    public async Task PublicPage_UnderThePolicy_HasNoViolations(string path)
    {
        var page = await newsroom.NewPageAsync();
        var console = await Watch(page);

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoViolations(page, console);
    }

    [Fact]
    public async Task TheOrleansDashboard_ForAnAdmin_RunsUnderThePolicy_AndShowsTheCluster()
    {
        var page = await newsroom.NewPageAsync();
        var console = await Watch(page);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, "ada", "ada-demo");

        await page.GotoAsync("/dashboard/");
        // Its script has run and read the cluster's counters: it lists the silos it found.
        await Assertions.Expect(page.GetByText("Active Silos", new() { Exact = false }).First).ToBeVisibleAsync();

        await AssertNoViolations(page, console);
    }

    private static async Task<List<string>> Watch(IPage page)
    {
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            lock (messages)
            {
                messages.Add($"{message.Type}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync(RecordViolations);
        return messages;
    }

    private static async Task AssertNoViolations(IPage page, List<string> console)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        lock (console)
        {
            Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }
}
