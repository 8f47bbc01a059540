using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// A newsroom of its own for the comment XSS test, which posts every payload as a new guest from one address: the
/// per-address comment limit is raised so the posts are not refused (each guest still posts once).
/// </summary>
public sealed class XssNewsroom : IAsyncLifetime
{
    private NewsroomOnAzurite? _newsroom;

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartAsync(new Dictionary<string, string?>
    {
        ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
        ["Newsroom__RateLimits__VotesPerAddress__Burst"] = "1000",
    });

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }
}

/// <summary>
/// Every payload of <see cref="CommentXssPayloads"/>, posted as a comment's text and as the guest's name, runs no
/// script on the moderation queue page (live and server-rendered) or on the article page (live and server-rendered),
/// and is shown as the text that was stored. Script is detected three ways: alert, confirm and prompt replaced by a
/// counter before any page script runs, a dialog handler for anything that still opens one, and console errors of the
/// content security policy (a blocked inline script or handler); the DOM is searched for what could run script.
/// </summary>
public sealed class CommentXssBrowserTests(BrowserNewsroom browsers, XssNewsroom newsroom) : IClassFixture<XssNewsroom>
{
    [Fact]
    public async Task PayloadsAsCommentsAndGuestNames_RunNoScript_InTheModerationQueue_OrOnTheArticlePage_AndShowAsText()
    {
        Assert.True(CommentXssPayloads.All.Count >= 50);
        var server = newsroom.Server;
        await using var desk = await PublishingDesk.OpenAsync(server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.", "Polls close at ten");
        using var mona = await server.SignInAsync("mona", "mona-demo");
        await using var moderator = mona.Connect();
        await moderator.StartAsync();
        // Pre-moderation puts every payload in the queue first, where moderators read it.
        await moderator.InvokeAsync<JsonElement>("SetCommentSettings", slug, new { mode = "pre-moderation" });

        var watch = new ScriptWatch();
        var queue = await watch.OpenAsync(browsers, server, "/moderation?show=pending", signIn: true);
        await Assertions.Expect(queue.Locator("#queue")).ToHaveAttributeAsync("data-live", "live");
        var article = await watch.OpenAsync(browsers, server, $"/articles/{slug}", signIn: false);
        await Assertions.Expect(article.Locator("#article")).ToHaveAttributeAsync("data-live", "live");

        var posted = new List<(long Id, string Text, string Name)>();
        var names = 0;
        for (var i = 0; i < CommentXssPayloads.All.Count; i++)
        {
            var payload = CommentXssPayloads.All[i];
            var (comment, asName) = await PostAsync(server, slug, payload);
            names += asName ? 1 : 0;
            posted.Add((comment.GetProperty("id").GetInt64(), comment.GetProperty("text").GetString()!, comment.GetProperty("authorName").GetString()!));
        }

        // A payload a name may not be (too long, a line break) goes with a plain name; enough are names to test names.
        Assert.True(names >= 20, $"only {names} payloads were taken as guest names");

        // Live: every entry arrived on the open queue page through the page's script.
        foreach (var (id, text, name) in posted)
        {
            await AssertQueueEntryAsync(queue, slug, id, text, name);
        }

        // Server-rendered: the same entries in the page's own HTML, all pages of it.
        await queue.ReloadAsync();
        await Assertions.Expect(queue.Locator("#queue")).ToHaveAttributeAsync("data-live", "live");
        while (await queue.Locator("#queue-more").IsVisibleAsync())
        {
            var before = await queue.Locator(".queue-entry").CountAsync();
            await queue.Locator("#queue-more").ClickAsync();
            await Assertions.Expect(queue.Locator(".queue-entry")).Not.ToHaveCountAsync(before);
        }

        foreach (var (id, text, name) in posted)
        {
            await AssertQueueEntryAsync(queue, slug, id, text, name);
        }

        foreach (var (id, _, _) in posted)
        {
            await moderator.InvokeAsync<JsonElement>("ModerateComment", slug, id, "approve", "Read as text.");
        }

        // Live on the article page: the approved comments wait behind the button, then render from the template.
        await Assertions.Expect(article.Locator("#comments-new")).ToHaveTextAsync($"{posted.Count} new comments");
        await article.Locator("#comments-new").ClickAsync();
        foreach (var (id, text, name) in posted)
        {
            await AssertCommentAsync(article, id, text, name);
        }

        // Server-rendered article page, every page of its comments.
        var fresh = await watch.OpenAsync(browsers, server, $"/articles/{slug}", signIn: false);
        await Assertions.Expect(fresh.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        while (await fresh.Locator("#comments-more").IsVisibleAsync())
        {
            var before = await fresh.Locator("#comment-list > .comment").CountAsync();
            await fresh.Locator("#comments-more").ClickAsync();
            await Assertions.Expect(fresh.Locator("#comment-list > .comment")).Not.ToHaveCountAsync(before);
        }

        foreach (var (id, text, name) in posted)
        {
            await AssertCommentAsync(fresh, id, text, name);
        }

        foreach (var (page, where) in new[] { (queue, "#queue-list"), (article, "#comment-list"), (fresh, "#comment-list") })
        {
            // Handlers such as onerror fire as images fail to load; let the network settle first.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__xss ?? 0"));
            Assert.Empty(await page.Locator(where).EvaluateAsync<string[]>(StoryXssTests.Dangerous));
        }

        Assert.Empty(watch.Dialogs);
        Assert.Empty(watch.PolicyErrors);
    }

    /// <summary>Posts the payload as the text, and as the guest's name when a name may be that; returns the stored comment.</summary>
    private static async Task<(JsonElement Comment, bool AsName)> PostAsync(NewsroomServer server, string slug, string payload)
    {
        try
        {
            return (await PostAsGuestAsync(server, slug, payload, payload), true);
        }
        catch (HubException refused) when (refused.Message.Contains("name", StringComparison.OrdinalIgnoreCase))
        {
            // A guest posts once per three seconds: another guest posts it with a plain name.
            return (await PostAsGuestAsync(server, slug, payload, "Xss Guest"), false);
        }
    }

    private static async Task<JsonElement> PostAsGuestAsync(NewsroomServer server, string slug, string text, string name)
    {
        await using var guest = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "/hubs/reader"), o => o.Cookies = new CookieContainer())
            .Build();
        await guest.StartAsync();
        var posted = await guest.InvokeAsync<JsonElement>("PostComment", slug, new { text, name, email = "xss@example.org" });
        return posted.GetProperty("comment");
    }

    private static async Task AssertQueueEntryAsync(IPage queue, string slug, long id, string text, string name)
    {
        var entry = queue.Locator($".queue-entry[data-key='{slug}:{id:D12}']");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), await entry.Locator(".queue-text").EvaluateAsync<string>("e => e.textContent"));
        Assert.Equal(name, await entry.Locator("bdi.queue-author").EvaluateAsync<string>("e => e.textContent"));
    }

    private static async Task AssertCommentAsync(IPage page, long id, string text, string name)
    {
        var comment = page.Locator($"#comment-{id}");
        await Assertions.Expect(comment).ToHaveCountAsync(1);
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), await comment.Locator(".comment-text").EvaluateAsync<string>("e => e.textContent.trim()"));
        Assert.Equal(name, await comment.Locator("bdi.comment-author").EvaluateAsync<string>("e => e.textContent"));
    }

    /// <summary>Opens pages with the alert counter installed first, and records dialogs and content security policy errors.</summary>
    private sealed class ScriptWatch
    {
        public List<string> Dialogs { get; } = [];

        public List<string> PolicyErrors { get; } = [];

        public async Task<IPage> OpenAsync(BrowserNewsroom browsers, NewsroomServer server, string path, bool signIn)
        {
            var page = await browsers.NewPageAsync(server);
            await page.AddInitScriptAsync(StoryXssTests.Counter);
            page.Dialog += (_, dialog) =>
            {
                lock (Dialogs)
                {
                    Dialogs.Add($"{page.Url}: {dialog.Type} {dialog.Message}");
                }

                _ = dialog.DismissAsync();
            };
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    lock (PolicyErrors)
                    {
                        PolicyErrors.Add($"{page.Url}: {message.Text}");
                    }
                }
            };
            if (signIn)
            {
                await BrowserNewsroom.SignInAsync(page, "mona", "mona-demo");
            }

            await page.GotoAsync(path);
            return page;
        }
    }
}
