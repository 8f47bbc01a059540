using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// A crowded draft as its editor sees it: the view lists the 50 most recently active connections and counts the rest,
/// and the page shows the people it knows of and "+N" for those it does not, with no axe violations, at 360 px too.
/// </summary>
public sealed class DraftEditorCrowdTests(BrowserNewsroom newsroom)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(360, 740)]
    public async Task CrowdedDraft_ShowsThePeopleListed_AndHowManyMore_WithNoAxeViolations(int width, int height)
    {
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await eddie.CreateDraftAsync("Results night");
        var tabs = new List<HubConnection>();
        try
        {
            // 55 tabs of Eddie's: with Rosa's page, 56 present, of whom the view lists 50 (Rosa's own and 49 of his).
            for (var i = 0; i < 55; i++)
            {
                var tab = eddie.Connect();
                tabs.Add(tab);
                await tab.StartAsync();
                await tab.InvokeAsync<System.Text.Json.JsonElement>("OpenDraft", draftId);
            }

            var page = await newsroom.NewPageAsync();
            await page.SetViewportSizeAsync(width, height);
            await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
            await BrowserNewsroom.OpenDraftEditorAsync(page, draftId);

            await Assertions.Expect(page.Locator("#presence-list li[data-user-name='eddie']")).ToHaveAttributeAsync("title", "Eddie Editor");
            await Assertions.Expect(page.Locator("#presence-list .avatar-more")).ToHaveTextAsync("+6");
            var result = await page.RunAxe();
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

            Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
            Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > innerWidth {widths[1]}");
        }
        finally
        {
            foreach (var tab in tabs)
            {
                await tab.DisposeAsync();
            }
        }
    }
}
