using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// Pages behind nginx, in front of three silos, when silos go away: killed, or stopped one after another for a rolling
/// restart. A page reconnects through the same address to a survivor, says "reconnecting" meanwhile and nothing after,
/// joins its channels again and catches up from the versions it has: an editor's page sends what was not acknowledged
/// and its text reaches the other editor, a reader's story page gets the comment posted meanwhile, and the inbox bell
/// the notification sent meanwhile; no reload, no error.
/// </summary>
public sealed class ClusterEditorBrowserTests(BrowserNewsroom newsroom)
{
    private const string WatchThePage = """
        () => {
          window.sameDocument = true;
          window.states = [];
          const status = document.getElementById('draft-status');
          new MutationObserver(() => window.states.push(status.dataset.state)).observe(status, { attributes: true });
        }
        """;

    private const string WatchTheReader = """
        () => {
          window.sameDocument = true;
          window.states = [];
          const article = document.getElementById('article');
          new MutationObserver(() => window.states.push(article.dataset.live)).observe(article, { attributes: true, attributeFilter: ['data-live'] });
        }
        """;

    [Fact]
    public async Task PagesOnAKilledSilo_KeepWorkingWithoutAReload_TheEditorsTextReachesTheOtherEditor_AndTheReaderAndTheBellCatchUp()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var cluster = await NewsroomCluster.StartAsync(azurite, silos: 3);
        await using var proxy = await NewsroomProxy.StartAsync(cluster.Silos);
        try
        {
            // Every client of this machine lands on one silo (ip_hash); the page will be there, Eddie on another.
            using var http = new HttpClient { BaseAddress = proxy.BaseAddress };
            var rosasSilo = NewsroomProxy.AnsweredBy(await http.GetAsync("/health/live"), cluster.Silos);
            var eddiesSilo = cluster.Silos.First(s => s != rosasSilo);
            using var eddieSession = await eddiesSilo.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
            var draftId = await eddieSession.CreateDraftAsync("Counting goes on in the north");
            await using var eddie = await DraftEditorClient.OpenAsync(eddieSession, draftId, "eddie");

            var (rosa, console) = await OpenBehindAsync(proxy, eddiesSilo, StaffSession.Reporter, draftId);
            await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
            await rosa.Keyboard.TypeAsync("Before the silo went.");
            await eddie.WaitUntilAsync(e => e.Text("body") == "Before the silo went.", TimeSpan.FromSeconds(20), "Rosa's first sentence");
            await rosa.EvaluateAsync(WatchThePage);
            await Assertions.Expect(rosa.Locator("#inbox-bell")).ToHaveAttributeAsync("data-state", "live");
            using var rosaSession = await eddiesSilo.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

            // A reader of a published story, on the same silo as every page of this machine.
            string slug;
            await using (var desk = await PublishingDesk.OpenAsync(eddiesSilo))
            {
                (_, slug) = await desk.PublishAsync("The count goes on in the north.", "Counting in the north", "World");
            }

            var reader = await newsroom.NewPageAsync(proxy.BaseAddress);
            await reader.GotoAsync($"/articles/{slug}");
            await Assertions.Expect(reader.Locator("#article")).ToHaveAttributeAsync("data-live", "live", new() { Timeout = 60_000 });
            await reader.EvaluateAsync(WatchTheReader);

            await rosasSilo.KillAsync();
            await rosa.Keyboard.TypeAsync(" Typed as it went.");
            // While the pages find another silo: a comment under the story, and the draft assigned to Rosa.
            const string comment = "Turnout in the north was the highest in years.";
            await AnsweredAsync(eddieSession, "/hubs/reader", hub => hub.InvokeAsync<JsonElement>("PostComment", slug, new { text = comment, key = "through-the-kill" }));
            await AnsweredAsync(eddieSession, "/hubs/staff", hub => hub.InvokeAsync<JsonElement>("Assign", draftId, StaffSession.Reporter.UserName));

            await SavedAgainAsync(rosa, console);
            const string both = "Before the silo went. Typed as it went.";
            await eddie.WaitUntilAsync(e => e.Text("body") == both, TimeSpan.FromSeconds(30), "Rosa's sentence typed through the kill");
            eddie.Edit("body", text => [new(text.Length, Insert: " Eddie confirms.")]);
            // Her own caret from the connection that died may show until its presence expires (30 s): read the text alone.
            await Eventually.Until(
                () => BrowserNewsroom.DraftFieldTextAsync(rosa, "body"), text => text == both + " Eddie confirms.", TimeSpan.FromSeconds(20), "Eddie's sentence on Rosa's page");

            await ShowedOnlyTheReconnectNoticeAsync(rosa);
            Assert.NotEqual(rosasSilo, NewsroomProxy.AnsweredBy(await http.GetAsync("/health/live"), cluster.Silos));
            Assert.True(eddie.Errors.IsEmpty, string.Join(" | ", eddie.Errors));

            // The bell on her page heard the assignment, and the reader's page the comment, pushed or caught up.
            // (Her inbox also tells her of the story published before the kill: the bell must count what is stored.)
            await Eventually.Until(
                async () => await UnreadWithAssignmentAsync(rosaSession) is { } unread
                    && await rosa.GetByRole(AriaRole.Link, new() { Name = $"Inbox {unread} unread", Exact = true }).IsVisibleAsync(),
                shown => shown,
                TimeSpan.FromSeconds(30),
                "Rosa's bell to count the assignment made while her silo was down");
            // Pushed, it waits behind "1 new comment"; caught up on joining again, it is placed in the list at once.
            var newButton = reader.Locator("#comments-new");
            var listed = reader.Locator("#comment-list .comment-text");
            await Assertions.Expect(newButton.Filter(new() { HasText = "1 new comment" }).Or(listed)).ToBeVisibleAsync(new() { Timeout = 30_000 });
            if (await newButton.IsVisibleAsync())
            {
                await newButton.ClickAsync();
            }

            await Assertions.Expect(listed).ToHaveTextAsync(comment);
            await Assertions.Expect(reader.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
            var states = await reader.EvaluateAsync<string[]>("() => window.states");
            Assert.True(states.Any(s => s != "live"), $"the reader's page never said it was reconnecting: {string.Join(", ", states)}");
            Assert.True(await reader.EvaluateAsync<bool>("() => window.sameDocument === true"), "the reader's page was reloaded");
        }
        catch (Exception e)
        {
            throw cluster.Explained(e);
        }
    }

    [Fact]
    public async Task ARollingRestartOfEverySilo_ShowsTwoEditorsOnlyTheReconnectNotice_AndTheirTextsConverge()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var cluster = await NewsroomCluster.StartAsync(azurite, silos: 3);
        await using var proxy = await NewsroomProxy.StartAsync(cluster.Silos);
        try
        {
            using var rosaSession = await cluster.Silos[0].SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
            var draftId = await rosaSession.CreateDraftAsync("Polls close in the east");
            var (rosa, rosasConsole) = await OpenBehindAsync(proxy, cluster.Silos[0], StaffSession.Reporter, draftId);
            var (eddie, eddiesConsole) = await OpenBehindAsync(proxy, cluster.Silos[0], StaffSession.Editor, draftId);
            await rosa.EvaluateAsync(WatchThePage);
            await eddie.EvaluateAsync(WatchThePage);
            await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();

            var expected = "";
            foreach (var (silo, i) in cluster.Silos.ToList().Select((s, i) => (s, i)))
            {
                // SIGTERM: the silo closes its connections and leaves the cluster, its grains writing their snapshots.
                await silo.StopAsync();
                var sentence = $"{(i == 0 ? "" : " ")}Silo {i + 1} restarted.";
                await rosa.Keyboard.PressAsync("Control+End");
                await rosa.Keyboard.TypeAsync(sentence);
                expected += sentence;
                await SavedAgainAsync(rosa, rosasConsole);
                await Eventually.Until(
                    () => BrowserNewsroom.DraftFieldTextAsync(eddie, "body"), text => text == expected, TimeSpan.FromSeconds(30), $"Eddie's page to show {expected}");
                await silo.RestartAsync();
            }

            await SavedAgainAsync(eddie, eddiesConsole);
            Assert.Equal(expected, DraftEditorTests.FieldText(await rosaSession.ReadDraftAsync(draftId), "body"));
            await ShowedOnlyTheReconnectNoticeAsync(rosa);
            await ShowedOnlyTheReconnectNoticeAsync(eddie);
        }
        catch (Exception e)
        {
            throw cluster.Explained(e);
        }
    }

    // A page of its own through the proxy, signed in (the session cookie of a sign-in on a silo: cookies do not depend
    // on the port), with the draft open and saved; and what its console says, for failure messages.
    private async Task<(IPage Page, ConcurrentQueue<string> Console)> OpenBehindAsync(
        NewsroomProxy proxy, NewsroomServer signInSilo, (string UserName, string Password) user, string draftId)
    {
        var page = await newsroom.NewPageAsync(proxy.BaseAddress);
        var console = new ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue(message.Text);
        await BrowserNewsroom.HandSessionAsync(page, signInSilo, user.UserName, user.Password);
        await page.GotoAsync($"/drafts/{draftId}", new() { WaitUntil = WaitUntilState.Commit });
        try
        {
            // A cluster just started on a loaded two-core machine (two test assemblies at once) may take a while to
            // answer its first calls: the page retries busy answers with a growing pause.
            await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 60_000 });
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"{e.Message}\nconsole: {string.Join(" | ", console)}", e);
        }

        return (page, console);
    }

    // A call made through a silo that survived, sent again while the grain it reaches is still coming back elsewhere
    // (and, as the comment form does, after the per-person pace of comments when a resend meets it).
    private static async Task AnsweredAsync(StaffSession session, string hubPath, Func<HubConnection, Task> call)
    {
        await Eventually.Until(
            async () =>
            {
                await using var hub = session.Connect(hubPath);
                try
                {
                    await hub.StartAsync();
                    await call(hub);
                    return true;
                }
                catch (HubException e) when (e.Message.Contains("did not answer in time", StringComparison.Ordinal) || e.Message.Contains("Slow down", StringComparison.Ordinal))
                {
                    return false;
                }
            },
            answered => answered,
            TimeSpan.FromSeconds(60),
            $"a call to {hubPath} answered");
    }

    // Rosa's unread count once her inbox holds the assignment, or null before.
    private static async Task<int?> UnreadWithAssignmentAsync(StaffSession rosa)
    {
        await using var hub = rosa.Connect();
        await hub.StartAsync();
        var page = await hub.InvokeAsync<JsonElement>("Inbox", null, 50);
        return page.GetProperty("entries").GetRawText().Contains("Assigned to you", StringComparison.Ordinal) ? page.GetProperty("unread").GetInt32() : null;
    }

    private static async Task SavedAgainAsync(IPage page, ConcurrentQueue<string> console)
    {
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", new Regex("^(saved|error)$"), new() { Timeout = 60_000 });
        Assert.True(
            await page.Locator("#draft-status").GetAttributeAsync("data-state") == "saved",
            $"the page says: {await page.Locator("#draft-alert-text").TextContentAsync()}; console: {string.Join(" | ", console)}");
    }

    private static async Task ShowedOnlyTheReconnectNoticeAsync(IPage page)
    {
        var states = await page.EvaluateAsync<string[]>("() => window.states");
        Assert.Contains("reconnecting", states);
        Assert.DoesNotContain("error", states);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        Assert.True(await page.Locator("#draft-alert").IsHiddenAsync(), await page.Locator("#draft-alert").InnerTextAsync());
    }
}
