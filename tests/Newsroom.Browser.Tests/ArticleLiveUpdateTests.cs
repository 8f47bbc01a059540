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
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
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
        await desk.ReplaceBodyAsync(draftId, 1, string.Join("\n\n", _paragraphs), body);
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
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
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
}
