using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Newsroom.Testing;

[assembly: AssemblyFixture(typeof(Newsroom.Browser.Tests.BrowserNewsroom))]

namespace Newsroom.Browser.Tests;

/// <summary>
/// Azurite, the server and Debian's Chromium (never a downloaded browser), shared by the browser tests;
/// each test opens its own browser context, so cookies and pages never leak between tests.
/// </summary>
public sealed class BrowserNewsroom : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private Azurite? _azurite;
    private NewsroomServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    // Every context a test opened, closed when that test ends (ClosePagesAfterEachTest): an open page keeps its script,
    // its hub connections and the bell's running, and hundreds of them left open loaded the CI machine to a standstill.
    private readonly System.Collections.Concurrent.ConcurrentBag<(string? Test, IBrowserContext Context)> _contexts = [];

    /// <summary>The shared fixture, for <see cref="ClosePagesAfterEachTest"/>.</summary>
    internal static BrowserNewsroom? Current { get; private set; }

    /// <summary>Closes the contexts <paramref name="testId"/> opened (not waited for: the next test need not wait).</summary>
    internal void CloseContextsOf(string testId)
    {
        foreach (var (test, context) in _contexts)
        {
            if (test == testId)
            {
                _ = context.CloseAsync();
            }
        }
    }

    /// <summary>
    /// A reporter only <see cref="InboxBellBrowserTests"/> notifies, so its counts are its own: the demo accounts are
    /// told of comments, mentions and assignments by many tests at once.
    /// </summary>
    public static (string UserName, string Password) InboxOwner => ("ines", "ines-demo");

    /// <summary>
    /// A moderator only <see cref="ModerationQueueFollowTests"/> signs in as, so whether she follows the queue is that
    /// test's alone: the demo's mona follows it from the start, and other tests rely on that.
    /// </summary>
    public static (string UserName, string Password) QueueFollower => ("moira", "moira-demo");

    public NewsroomServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/prerequisites.sh --with-browser.");
        }

        Current = this;
        _azurite = await Azurite.StartAsync();
        // Every test page comes from 127.0.0.1: the per-address comment limit (tested in HubRateLimitsTests) would make
        // the tests that set a thread up, all running at once, refuse one another.
        _server = await NewsroomServer.StartAsync(_azurite, new Dictionary<string, string?>
        {
            ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
            ["Newsroom__Demo__Stories"] = "true",
            ["Newsroom__Staff__Accounts__4__UserName"] = InboxOwner.UserName,
            ["Newsroom__Staff__Accounts__4__DisplayName"] = "Ines Inbox",
            ["Newsroom__Staff__Accounts__4__Roles__0"] = "reporter",
            ["Newsroom__Staff__Accounts__4__Email"] = "ines@newsroom.localhost",
            ["Newsroom__Staff__Accounts__4__PasswordHash"] = Newsroom.Core.Accounts.PasswordHash.Create(InboxOwner.Password, iterations: 1_000),
            ["Newsroom__Staff__Accounts__5__UserName"] = QueueFollower.UserName,
            ["Newsroom__Staff__Accounts__5__DisplayName"] = "Moira Moderator",
            ["Newsroom__Staff__Accounts__5__Roles__0"] = "moderator",
            ["Newsroom__Staff__Accounts__5__Email"] = "moira@newsroom.localhost",
            ["Newsroom__Staff__Accounts__5__PasswordHash"] = Newsroom.Core.Accounts.PasswordHash.Create(QueueFollower.Password, iterations: 1_000),
        });
        // CI shares two cores between the browser, the server and other test assemblies: be patient, not flaky.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A page in a context of its own (cookies, offline switch), on the shared server or on <paramref name="server"/>.</summary>
    public Task<IPage> NewPageAsync(NewsroomServer? server = null) => NewPageAsync((server ?? Server).BaseAddress);

    /// <summary>A page in a context of its own whose addresses are relative to <paramref name="baseAddress"/> (a proxy's, say).</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        _contexts.Add((TestContext.Current.Test?.UniqueID, context));
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A story whose guests' comments appear at once (trusted, not pre-moderated), as most comment tests need.</summary>
    public async Task<string> PublishTrustingGuestsAsync(string body = "The count went on through the night.", string? headline = null)
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (_, slug) = headline is null ? await desk.PublishAsync(body) : await desk.PublishAsync(body, headline);
        await CommentingGuest.TrustGuestsAsync(Server, slug);
        return slug;
    }

    /// <summary>A reader's page of the story, once its comments are live (the form shows when the connection is up).</summary>
    public async Task<IPage> OpenStoryAsync(string slug)
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        await Assertions.Expect(page.Locator("#comment-form")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A page of its own, signed in as <paramref name="user"/>, with the draft open in the editor and saved.</summary>
    public async Task<IPage> OpenEditorAsync((string UserName, string Password) user, string draftId, NewsroomServer? server = null)
    {
        var page = await NewPageAsync(server);
        await HandSessionAsync(page, server ?? Server, user.UserName, user.Password);
        await OpenDraftEditorAsync(page, draftId);
        return page;
    }

    /// <summary>
    /// Signs the page's context in with the cookie a sign-in over HTTP was given, for tests of pages other than the
    /// sign-in form and the desk (which <see cref="SignInAsync"/> goes through): rendering both, the desk with every
    /// draft the run has made so far and a live connection, cost each such test the browser's and the server's time.
    /// </summary>
    public static async Task HandSessionAsync(IPage page, NewsroomServer server, string userName, string password)
    {
        using var session = await StaffSession.SignInAsync(server, userName, password);
        var address = server.BaseAddress.ToString();
        await page.Context.AddCookiesAsync(
            [.. session.Cookies.GetAllCookies().Select(c => new Cookie { Name = c.Name, Value = c.Value, Url = address, HttpOnly = c.HttpOnly })]);
    }

    /// <summary>Signs in through the form, as a person would, and waits until the desk page is live.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // The address is polled, not waited on as a navigation: WaitForURLAsync with Commit once hung for a
        // minute on a loaded CI run: the redirect had landed before the wait began, and it then waited on a load state.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/desk$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Desk", Exact = true })).ToBeVisibleAsync();

        // Live means the page's script has run and joined its channel: before that, pressing Enter in the
        // bulletin form would submit it natively instead of posting it.
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live");
    }

    /// <summary>
    /// Opens the editor of a draft and waits until it is open and in step with the server ("Saved"), so the
    /// test types into a live editor rather than into a page still loading.
    /// </summary>
    public static async Task OpenDraftEditorAsync(IPage page, string draftId)
    {
        await page.GotoAsync($"/drafts/{draftId}", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
    }

    /// <summary>The editable element of a draft field (headline, standfirst, body) in the editor page.</summary>
    public static ILocator DraftField(IPage page, string field) => page.Locator($"#{field}-editor .cm-content");

    /// <summary>
    /// A field's text as the editor shows it: its lines joined by newlines, without the other editors'
    /// carets and name flags that sit between the characters.
    /// </summary>
    public static Task<string> DraftFieldTextAsync(IPage page, string field) =>
        page.EvaluateAsync<string>(
            """
            (selector) => [...document.querySelectorAll(selector)].map(line => {
              const copy = line.cloneNode(true);
              copy.querySelectorAll('.cm-remote-caret, .cm-widgetBuffer, .cm-placeholder').forEach(e => e.remove());
              return copy.textContent;
            }).join('\n')
            """,
            $"#{field}-editor .cm-content > .cm-line");

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
