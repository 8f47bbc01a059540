using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// A reader with a story open while the desk publishes a correction or withdraws it: the new text, the banner and
/// the withdrawn notice arrive without a reload, and the paragraph being read stays where it is on screen.
/// </summary>
public sealed class ArticleLiveUpdateTests(BrowserNewsroom newsroom)
{
    private static readonly string[] _paragraphs =
        [.. Enumerable.Range(1, 30).Select(i => $"Paragraph {i}: the count in district {i} went on through the night, officials said.")];

    [Fact]
    public async Task AReaderInTheMiddleOfTheStory_SeesTheCorrection_WithoutLosingTheirPlace()
    {
        await using var desk = await Desk.OpenAsync(newsroom.Server);
        var (draftId, slug) = await desk.PublishAsync(string.Join("\n\n", _paragraphs));
        var page = await newsroom.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");
        var reading = page.Locator("#story-body p", new() { HasText = "Paragraph 15:" });
        await reading.EvaluateAsync("p => p.scrollIntoView({ block: 'start' })");
        await page.EvaluateAsync("() => window.scrollBy(0, -100)");
        var before = await TopOf(reading);

        // Two paragraphs added above the reader, and a fact in the paragraph being read put right.
        var body = string.Join("\n\n", ["Polls have closed.", "Turnout was 61 percent.", .. _paragraphs]).Replace("district 15 went", "district 15 finally went", StringComparison.Ordinal);
        await desk.ReplaceBodyAsync(draftId, string.Join("\n\n", _paragraphs), body);
        await desk.Step(draftId, "update", "Correction: the count in district 15 ended later than first reported.", "correction");

        await Assertions.Expect(page.Locator("#story-banner")).ToContainTextAsync("Correction: the count in district 15 ended later than first reported.");
        await Assertions.Expect(page.Locator("#story-body p").First).ToHaveTextAsync("Polls have closed.");
        var after = await TopOf(page.Locator("#story-body p", new() { HasText = "Paragraph 15:" }));
        Assert.InRange(after - before, -3, 3);
        await Assertions.Expect(page.Locator("#story-body")).ToContainTextAsync("district 15 finally went");
    }

    [Fact]
    public async Task AReaderOfAWithdrawnStory_IsToldItWasWithdrawn_AndNoLongerSeesTheText()
    {
        await using var desk = await Desk.OpenAsync(newsroom.Server);
        var (draftId, slug) = await desk.PublishAsync("Claims that could not be verified.");
        var page = await newsroom.NewPageAsync();
        await page.GotoAsync($"/articles/{slug}");
        await Assertions.Expect(page.Locator("#article")).ToHaveAttributeAsync("data-live", "live");

        await desk.Step(draftId, "withdraw", "This story has been withdrawn: its central claims could not be verified.");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This story has been withdrawn");
        await Assertions.Expect(page.Locator("#story")).ToContainTextAsync("its central claims could not be verified");
        await Assertions.Expect(page.Locator("#story")).Not.ToContainTextAsync("Claims that could not be verified.");
        await Assertions.Expect(page.Locator("#story-banner")).ToContainTextAsync("withdrawn");
    }

    private static Task<double> TopOf(ILocator locator) => locator.EvaluateAsync<double>("e => e.getBoundingClientRect().top");

    /// <summary>Rosa writes, Eddie edits: each on a staff hub connection, as their editor pages would be.</summary>
    private sealed class Desk : IAsyncDisposable
    {
        private readonly StaffSession _rosa;
        private readonly StaffSession _eddie;
        private readonly HubConnection _reporter;
        private readonly HubConnection _editor;

        private Desk(StaffSession rosa, StaffSession eddie, HubConnection reporter, HubConnection editor) =>
            (_rosa, _eddie, _reporter, _editor) = (rosa, eddie, reporter, editor);

        public static async Task<Desk> OpenAsync(NewsroomServer server)
        {
            var rosa = await server.SignInAsync("rosa", "rosa-demo");
            var eddie = await server.SignInAsync("eddie", "eddie-demo");
            var desk = new Desk(rosa, eddie, rosa.Connect(), eddie.Connect());
            await desk._reporter.StartAsync();
            await desk._editor.StartAsync();
            return desk;
        }

        public async Task<(string DraftId, string Slug)> PublishAsync(string body)
        {
            var draftId = await _rosa.CreateDraftAsync("Count goes on through the night");
            var slug = $"count-{draftId}";
            await _reporter.InvokeAsync<JsonElement>("SetMetadata", draftId, new { slug, section = "City" });
            await Push(_reporter, draftId, 0, Replacing(0, body));
            await Step(draftId, "submit", null, null, _reporter);
            await Step(draftId, "approve");
            await Step(draftId, "publish");
            return (draftId, slug);
        }

        /// <summary>One edit from the old body to the new one, as a paste over the whole text would make.</summary>
        public Task ReplaceBodyAsync(string draftId, string old, string body) =>
            Push(_editor, draftId, 1, Replacing(old.Length, body));

        public Task Step(string draftId, string step, string? note = null, string? kind = null, HubConnection? who = null) =>
            (who ?? _editor).InvokeAsync<JsonElement>("TakeStep", draftId, step, note, kind);

        public async ValueTask DisposeAsync()
        {
            await _reporter.DisposeAsync();
            await _editor.DisposeAsync();
            _rosa.Dispose();
            _eddie.Dispose();
        }

        // CodeMirror's ChangeSet JSON for "replace the first <length> characters with <text>": the text as its lines.
        private static object[] Replacing(int length, string text) => [new object[] { length }.Concat(text.Split('\n')).ToArray()];

        private static Task Push(HubConnection who, string draftId, int baseVersion, object[] changes) =>
            who.InvokeAsync<JsonElement>(
                "PushUpdates", draftId, "body", baseVersion, JsonSerializer.SerializeToElement(new[] { new { clientId = $"desk-{baseVersion}", changes } }));
    }
}
