using System.Text.Json;
using Microsoft.Playwright;
using Newsroom.Testing;

using static Newsroom.Browser.Tests.PageChecks;

namespace Newsroom.Browser.Tests;

/// <summary>The draft editor in real browsers: co-editing, presence, and use from the keyboard alone.</summary>
public sealed class DraftEditorTests(BrowserNewsroom newsroom)
{
    private static readonly TimeSpan _settle = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoPagesTypingAtOnce_AtDifferentPlacesAndAtTheSamePlace_EndWithTheSameText_AndShowEachOthersCursor()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Talks end without a deal");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);

        // A first paragraph both can see, so "different places" has two ends to it.
        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("The delegations met for six hours.");
        await Assertions.Expect(BrowserNewsroom.DraftField(eddie, "body")).ToContainTextAsync("six hours.");

        // Different places: Rosa at the end, Eddie at the start, at the same time.
        await BrowserNewsroom.DraftField(eddie, "body").FocusAsync();
        await rosa.Keyboard.PressAsync("Control+End");
        await eddie.Keyboard.PressAsync("Control+Home");
        const string rosaAtEnd = " Neither side would say what comes next.";
        const string eddieAtStart = "Updated: ";
        await Task.WhenAll(
            rosa.Keyboard.TypeAsync(rosaAtEnd, new() { Delay = 15 }),
            eddie.Keyboard.TypeAsync(eddieAtStart, new() { Delay = 15 }));

        var afterDifferentPlaces = await ConvergedBodyAsync(rosa, eddie);
        Assert.Equal(eddieAtStart + "The delegations met for six hours." + rosaAtEnd, afterDifferentPlaces);

        // The same place: both at the end of the text, typing at once.
        await rosa.Keyboard.PressAsync("Control+End");
        await eddie.Keyboard.PressAsync("Control+End");
        const string rosaSame = " Officials left by the back door.";
        const string eddieSame = " Protesters waited outside.";
        await Task.WhenAll(
            rosa.Keyboard.TypeAsync(rosaSame, new() { Delay = 15 }),
            eddie.Keyboard.TypeAsync(eddieSame, new() { Delay = 15 }));

        var final = await ConvergedBodyAsync(rosa, eddie);
        Assert.StartsWith(afterDifferentPlaces, final, StringComparison.Ordinal);
        Assert.Equal(afterDifferentPlaces.Length + rosaSame.Length + eddieSame.Length, final.Length);
        // Interleaving at one spot is allowed; losing or reordering anyone's keystrokes is not.
        var added = final[afterDifferentPlaces.Length..];
        Assert.True(IsSubsequence(rosaSame, added), $"Rosa's typing is not all there, in order: '{added}'");
        Assert.True(IsSubsequence(eddieSame, added), $"Eddie's typing is not all there, in order: '{added}'");

        var server = await rosaSession.ReadDraftAsync(draftId);
        Assert.Equal(final, FieldText(server, "body"));

        // Each page shows the other's caret, flagged with their name, and lists them as present.
        await Assertions.Expect(rosa.Locator("#body-editor .cm-remote-caret .cm-remote-flag", new() { HasText = "Eddie Editor" })).ToBeVisibleAsync();
        await Assertions.Expect(eddie.Locator("#body-editor .cm-remote-caret .cm-remote-flag", new() { HasText = "Rosa Reporter" })).ToBeVisibleAsync();
        await Assertions.Expect(rosa.Locator("#presence-list li[data-user-name='eddie']")).ToHaveAttributeAsync("title", "Eddie Editor");
        await Assertions.Expect(eddie.Locator("#presence-list li[data-user-name='rosa']")).ToHaveAttributeAsync("title", "Rosa Reporter");
    }

    [Fact]
    public async Task RemoteCursor_MovesThroughIncomingChanges_AndGoesAway_WhenTheOtherPageCloses()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Presence");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);

        await BrowserNewsroom.DraftField(rosa, "headline").FocusAsync();
        await rosa.Keyboard.PressAsync("End");
        await Assertions.Expect(eddie.Locator("#headline-editor .cm-remote-flag", new() { HasText = "Rosa Reporter" })).ToBeVisibleAsync();
        await Eventually.Until(() => RemoteCaretIsAtLineEndAsync(eddie, "headline"), atEnd => atEnd, _settle, "Rosa's caret at the end of the headline on Eddie's page");

        // Eddie types in front of Rosa's caret: on his page her caret moves along with the text, with no
        // word from her (positions are mapped through every change).
        await BrowserNewsroom.DraftField(eddie, "headline").FocusAsync();
        await eddie.Keyboard.PressAsync("Home");
        await eddie.Keyboard.TypeAsync("Live: ");
        await Eventually.Until(
            () => BrowserNewsroom.DraftFieldTextAsync(rosa, "headline"), text => text == "Live: Presence", _settle, "Eddie's edit on Rosa's page");
        Assert.True(await RemoteCaretIsAtLineEndAsync(eddie, "headline"), "Rosa's caret should still be after the last word on Eddie's page.");

        await eddie.Context.CloseAsync();
        await Assertions.Expect(rosa.Locator(".cm-remote-caret")).ToHaveCountAsync(0);
        await Assertions.Expect(rosa.Locator("#presence-list li[data-user-name='eddie']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task KeyboardAlone_TabsThroughHeadlineStandfirstAndBody_AndWhatIsTypedReachesTheServer()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync();
        var page = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);

        // From the top of the page, Tab reaches the headline after the site's own links.
        for (var presses = 0; !await IsFocusedAsync(page, "#headline-editor"); presses++)
        {
            Assert.True(presses < 12, "Tab never reached the headline.");
            await page.Keyboard.PressAsync("Tab");
        }

        await page.Keyboard.TypeAsync("Ministers agree a late-night deal on grain exports");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(page, "#standfirst-editor"), "Tab from the headline should go to the standfirst.");
        await page.Keyboard.TypeAsync("The deal keeps ports open for another four months.");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(page, "#body-editor"), "Tab from the standfirst should go to the body.");
        await page.Keyboard.TypeAsync("Negotiators worked through the night.");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Read also: [How the talks began](https://example.com/talks-began)");

        // Tab leaves the body (no indentation trap) for the details form.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await IsFocusedAsync(page, "#draft-section"), "Tab from the body should leave it for the details.");
        await page.Keyboard.TypeAsync("World");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Trade, Black Sea");
        await page.Keyboard.PressAsync("Tab");

        // Shift+Tab walks back the same way.
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await IsFocusedAsync(page, "#body-editor"), "Shift+Tab from the section should go back to the body.");

        await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page.Locator("#preview a", new() { HasText = "How the talks began" })).ToHaveAttributeAsync("href", "https://example.com/talks-began");

        var server = await Eventually.Until(
            () => rosaSession.ReadDraftAsync(draftId),
            view => view.GetProperty("metadata").GetProperty("tags").GetArrayLength() == 2,
            _settle,
            "the details to be stored");
        Assert.Equal("Ministers agree a late-night deal on grain exports", FieldText(server, "headline"));
        Assert.Equal("The deal keeps ports open for another four months.", FieldText(server, "standfirst"));
        Assert.Equal(
            "Negotiators worked through the night.\n\nRead also: [How the talks began](https://example.com/talks-began)",
            FieldText(server, "body"));
        Assert.Equal("World", server.GetProperty("metadata").GetProperty("section").GetString());
        Assert.Equal(["Trade", "Black Sea"], server.GetProperty("metadata").GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
    }

    [Fact]
    public async Task Metadata_ChangedOnOnePage_ShowsOnTheOther()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Metadata");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var eddie = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);

        await rosa.GetByLabel("Byline").FillAsync("Rosa Reporter in Astana");
        await rosa.GetByLabel("Slug").FillAsync("talks-in-astana");
        await rosa.GetByLabel("Slug").PressAsync("Enter");

        await Assertions.Expect(eddie.GetByLabel("Byline")).ToHaveValueAsync("Rosa Reporter in Astana");
        await Assertions.Expect(eddie.GetByLabel("Slug")).ToHaveValueAsync("talks-in-astana");

        // A slug the server refuses comes back as its message, and the stored one stays.
        await eddie.GetByLabel("Slug").FillAsync("Not A Slug");
        await eddie.GetByLabel("Slug").PressAsync("Enter");
        await Assertions.Expect(eddie.Locator("#draft-alert")).ToContainTextAsync("slug");
        await Assertions.Expect(eddie.GetByLabel("Slug")).ToHaveValueAsync("talks-in-astana");
    }

    [Theory]
    [InlineData("Slug", "Not A Slug")]
    [InlineData("Byline", "A byline far too long for a byline: ")]
    [InlineData("Tags", "t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19, t20, t21")]
    public async Task Details_RefusedByTheServer_AreNotShownAsSaved_UntilALaterSaveOfTheDetails(string label, string refused)
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Refused details");
        var page = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var status = page.Locator("#draft-status");
        if (label == "Byline")
        {
            refused += new string('x', 200);
        }

        await page.GetByLabel(label).FillAsync(refused);
        await page.GetByLabel(label).PressAsync("Enter");
        await Assertions.Expect(page.Locator("#draft-alert")).ToContainTextAsync("The details were not saved");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "refused");
        await Assertions.Expect(status).Not.ToHaveTextAsync("Saved");
        await Assertions.Expect(page.Locator("#metadata-note")).ToContainTextAsync("not saved");

        // Text saved after it does not make the refused details count as saved.
        await BrowserNewsroom.DraftField(page, "body").FocusAsync();
        await page.Keyboard.TypeAsync("Saved text.");
        await Eventually.Until(() => rosaSession.ReadDraftAsync(draftId), view => FieldText(view, "body") == "Saved text.", _settle, "the body to be stored");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "refused");

        // A later save of the details that goes through does.
        await page.GetByLabel("Section").FillAsync("World");
        await page.GetByLabel("Section").PressAsync("Enter");
        await Assertions.Expect(status).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(status).ToHaveTextAsync("Saved");
        await Assertions.Expect(page.Locator("#metadata-note")).Not.ToContainTextAsync("not saved");
    }

    [Theory]
    [InlineData(360)]
    [InlineData(1280)]
    public async Task ALongUnbrokenWord_InTheHeadlineAndBody_MakesNeitherTheEditorNorTheDeskScrollSideways(int width)
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync();
        var page = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        await page.SetViewportSizeAsync(width, 800);
        var word = string.Concat(Enumerable.Repeat("Unbroken", 63))[..500];

        foreach (var field in new[] { "headline", "body" })
        {
            await BrowserNewsroom.DraftField(page, field).FocusAsync();
            await page.Keyboard.InsertTextAsync(word);
        }

        await Assertions.Expect(page.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page.Locator("#preview .preview-headline")).ToHaveTextAsync(word);
        Assert.Equal("", await SidewaysScrollAsync(page));

        // The desk lists the headline, cut to its row, with no room to break it either.
        await page.GotoAsync("/desk");
        await Assertions.Expect(page.Locator($"#draft-list li[data-draft-id='{draftId}'] a")).ToContainTextAsync(word[..150]);
        Assert.Equal("", await SidewaysScrollAsync(page));
    }

    [Fact]
    public async Task Moderator_FollowsTheDraftLive_ButIsNotOfferedToChangeIt()
    {
        using var rosaSession = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosaSession.CreateDraftAsync("Read only");
        var rosa = await newsroom.OpenEditorAsync(StaffSession.Reporter, draftId);
        var mona = await newsroom.OpenEditorAsync(("mona", "mona-demo"), draftId);

        await BrowserNewsroom.DraftField(rosa, "body").FocusAsync();
        await rosa.Keyboard.TypeAsync("Moderators may read this.");
        await Assertions.Expect(BrowserNewsroom.DraftField(mona, "body")).ToContainTextAsync("Moderators may read this.");

        await BrowserNewsroom.DraftField(mona, "body").FocusAsync();
        await mona.Keyboard.TypeAsync("Not allowed.");
        await Assertions.Expect(mona.GetByLabel("Section")).ToBeDisabledAsync();
        await Assertions.Expect(mona.Locator("#draft-status")).ToHaveAttributeAsync("data-state", "saved");
        Assert.Equal("Moderators may read this.", await BrowserNewsroom.DraftFieldTextAsync(mona, "body"));
        Assert.Equal("Moderators may read this.", FieldText(await rosaSession.ReadDraftAsync(draftId), "body"));
    }

    /// <summary>Whether the (one) other editor's caret in a single-line field sits after all of its text.</summary>
    private static Task<bool> RemoteCaretIsAtLineEndAsync(IPage page, string field) =>
        page.EvaluateAsync<bool>(
            """
            (selector) => {
              const caret = document.querySelector(selector);
              const line = caret?.closest('.cm-line');
              if (!line) return false;
              const range = document.createRange();
              range.setStartAfter(caret);
              range.setEndAfter(line.lastChild);
              return range.toString().trim() === '';
            }
            """,
            $"#{field}-editor .cm-remote-caret");

    internal static async Task<string> ConvergedBodyAsync(IPage first, IPage second)
    {
        var (a, b) = await Eventually.Until(
            async () => (
                await BrowserNewsroom.DraftFieldTextAsync(first, "body") + "|" + await first.Locator("#draft-status").GetAttributeAsync("data-state"),
                await BrowserNewsroom.DraftFieldTextAsync(second, "body") + "|" + await second.Locator("#draft-status").GetAttributeAsync("data-state")),
            texts => texts.Item1 == texts.Item2 && texts.Item1.EndsWith("|saved", StringComparison.Ordinal),
            _settle,
            "both pages to show the same saved text");
        Assert.Equal(a, b);
        return a[..a.LastIndexOf('|')];
    }

    internal static string FieldText(JsonElement view, string field) =>
        view.GetProperty("fields").GetProperty(field).GetProperty("text").GetString()!;


    private static Task<bool> IsFocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("(selector) => !!document.activeElement?.closest(selector)", selector);

    private static bool IsSubsequence(string needle, string haystack)
    {
        var i = 0;
        foreach (var c in haystack)
        {
            if (i < needle.Length && needle[i] == c)
            {
                i++;
            }
        }

        return i == needle.Length;
    }
}
