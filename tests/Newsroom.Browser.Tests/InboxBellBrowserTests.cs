using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The bell in every signed-in page's header and the inbox page. Only this class's tests notify ines (the counting
/// tests' own account), and each starts by marking everything read, so a count of 1 is this test's notification.
/// The tests of this class run one after another. The axe test reads rosa's inbox, which the demo newsroom fills.
/// </summary>
public sealed class InboxBellBrowserTests(BrowserNewsroom newsroom)
{
    [Fact]
    public async Task DraftAssignedToToHer_ShowsInBothOfHerTabs_AndReadingItInOneClearsTheOther()
    {
        using var inesSession = await newsroom.Server.SignInAsync(BrowserNewsroom.InboxOwner.UserName, BrowserNewsroom.InboxOwner.Password);
        await MarkAllReadAsync(inesSession);
        var first = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(first, BrowserNewsroom.InboxOwner.UserName, BrowserNewsroom.InboxOwner.Password);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync("/desk");
        foreach (var tab in new[] { first, second })
        {
            await Assertions.Expect(tab.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
            await Assertions.Expect(tab.Locator("#inbox-bell-count")).ToBeHiddenAsync();
        }

        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var headline = $"Ferry timetable <i>{Guid.NewGuid():n}</i>"[..40];
        var draftId = await eddie.CreateDraftAsync(headline);
        await using (var hub = eddie.Connect())
        {
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("Assign", draftId, BrowserNewsroom.InboxOwner.UserName);
        }

        foreach (var tab in new[] { first, second })
        {
            var toast = tab.GetByRole(AriaRole.Status).Filter(new() { HasText = "New notification" });
            await Assertions.Expect(toast).ToContainTextAsync($"Assigned to you: {headline} (Eddie Editor)");
            await Assertions.Expect(tab.Locator("#inbox-toast")).ToHaveAttributeAsync("aria-live", "polite");
            await Assertions.Expect(tab.GetByRole(AriaRole.Link, new() { Name = "Inbox 1 unread" })).ToBeVisibleAsync();
        }

        await first.GotoAsync("/inbox");
        var entry = first.Locator("#inbox-list > li").Filter(new() { HasText = headline });
        await Assertions.Expect(entry).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("unread"));
        await Assertions.Expect(entry).ToContainTextAsync("Unread");
        await Assertions.Expect(first.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
        await entry.GetByRole(AriaRole.Link).ClickAsync();

        await Assertions.Expect(first).ToHaveURLAsync($"{newsroom.Server.BaseAddress}drafts/{draftId}");
        await Assertions.Expect(second.Locator("#inbox-bell-count")).ToBeHiddenAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task InboxPage_PagesWithLoadMore_AndMarksAllReadFromTheKeyboard()
    {
        using var inesSession = await newsroom.Server.SignInAsync(BrowserNewsroom.InboxOwner.UserName, BrowserNewsroom.InboxOwner.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await MarkAllReadAsync(inesSession);
        await using var hub = eddie.Connect();
        await hub.StartAsync();
        // 21 drafts assigned: one more than the page's first 20.
        for (var i = 0; i < 21; i++)
        {
            await hub.InvokeAsync<JsonElement>("Assign", await eddie.CreateDraftAsync($"Paging draft {i}"), BrowserNewsroom.InboxOwner.UserName);
        }

        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, BrowserNewsroom.InboxOwner.UserName, BrowserNewsroom.InboxOwner.Password);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox 21 unread" })).ToBeVisibleAsync();
        await page.GotoAsync("/inbox");
        await Assertions.Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("#inbox-list > li")).ToHaveCountAsync(20);
        Assert.Equal("Paging draft 20", (await page.Locator("#inbox-list > li .inbox-title").First.TextContentAsync())?.Replace("Assigned to you: ", ""));

        await page.GetByRole(AriaRole.Button, new() { Name = "Load more" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#inbox-list > li")).ToHaveCountAsync(await CountAsync(inesSession));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#inbox-list > li.unread")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#inbox-summary")).ToHaveTextAsync("0 unread notifications");
        await Assertions.Expect(page.Locator("#inbox-bell-count")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" })).ToBeDisabledAsync();
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(360, 740)]
    public async Task InboxPage_HasNoAxeViolations_AndNoSidewaysScroll(int width, int height)
    {
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await BrowserNewsroom.HandSessionAsync(page, newsroom.Server, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await page.GotoAsync("/inbox");
        await Assertions.Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
        // The demo newsroom's assignment to rosa is always there, read or not.
        await Assertions.Expect(page.Locator("#inbox-list > li").First).ToBeVisibleAsync();

        var result = await page.RunAxe();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > innerWidth {widths[1]}");
    }

    [Fact]
    public async Task TabThatWasOffline_CatchesUpOnReconnect()
    {
        using var inesSession = await newsroom.Server.SignInAsync(BrowserNewsroom.InboxOwner.UserName, BrowserNewsroom.InboxOwner.Password);
        await MarkAllReadAsync(inesSession);
        var page = await newsroom.NewPageAsync();
        await BrowserNewsroom.SignInAsync(page, BrowserNewsroom.InboxOwner.UserName, BrowserNewsroom.InboxOwner.Password);
        await Assertions.Expect(page.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
        await Assertions.Expect(page.Locator("#inbox-bell-count")).ToBeHiddenAsync();

        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#inbox-bell")).Not.ToHaveAttributeAsync("data-state", "live");
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using (var hub = eddie.Connect())
        {
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("Assign", await eddie.CreateDraftAsync("Missed while offline"), BrowserNewsroom.InboxOwner.UserName);
        }

        await page.Context.SetOfflineAsync(false);

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox 1 unread" })).ToBeVisibleAsync();
    }

    private static async Task MarkAllReadAsync(StaffSession session)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync<int>("MarkAllNotificationsRead");
    }

    private static async Task<int> CountAsync(StaffSession session)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        var count = 0;
        string? cursor = null;
        do
        {
            var page = await hub.InvokeAsync<JsonElement>("Inbox", cursor, 50);
            count += page.GetProperty("entries").GetArrayLength();
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null && count < 40);

        return Math.Min(count, 40);
    }
}
