using Microsoft.Playwright;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Browser.Tests;

/// <summary>
/// The kind of story this newsroom writes, read from ../shared/fixtures/kazakhstan-article.txt, fits a draft
/// naturally: its first line is the headline, its first paragraph the standfirst, the article paragraphs the
/// Markdown body, and its "Read also:" line an inline link to a related story.
/// </summary>
public sealed class DraftFixtureTests(BrowserNewsroom newsroom)
{
    // Where the page's reader widget and promotions begin; the story ends before them.
    private static readonly string[] _notStory = ["Join our community", "Support independent journalism", "Support Us", "We’ve been working hard", "Signup bonus"];

    [Fact]
    public async Task KazakhstanArticle_FillsHeadlineStandfirstAndBody_AndThePreviewShowsItsParagraphsAndReadAlsoLink()
    {
        var (headline, standfirst, body) = ReadFixture();
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync();
        await using (var writer = await DraftEditorClient.OpenAsync(rosa, draftId))
        {
            writer.Edit("headline", text => [new ChangeSpec(0, text.Length, headline)]);
            writer.Edit("standfirst", text => [new ChangeSpec(0, text.Length, standfirst)]);
            writer.Edit("body", text => [new ChangeSpec(0, text.Length, body)]);
            await writer.WaitUntilAsync(w => w.UnconfirmedCount == 0, TimeSpan.FromSeconds(30), "the story to be saved");
        }

        var page = await newsroom.OpenEditorAsync(StaffSession.Editor, draftId);

        Assert.Equal(headline, await BrowserNewsroom.DraftFieldTextAsync(page, "headline"));
        Assert.Equal(standfirst, await BrowserNewsroom.DraftFieldTextAsync(page, "standfirst"));
        var preview = page.Locator("#preview");
        await Assertions.Expect(preview.Locator(".preview-headline")).ToHaveTextAsync(headline);
        await Assertions.Expect(preview.Locator(".preview-standfirst")).ToHaveTextAsync(standfirst);
        await Assertions.Expect(preview.Locator(".preview-body > p")).ToHaveCountAsync(body.Split("\n\n").Length);
        var readAlso = preview.GetByRole(AriaRole.Link, new() { Name = "Russia, West fight for Kazakhstan as Astana plays both sides" });
        await Assertions.Expect(readAlso).ToHaveAttributeAsync("href", "/articles/russia-west-fight-for-kazakhstan");
        await Assertions.Expect(preview).ToContainTextAsync("Kremlin spokesperson Dmitry Peskov confirmed on Dec. 20.");
    }

    private static (string Headline, string Standfirst, string Body) ReadFixture()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Shared, "fixtures", "kazakhstan-article.txt")).Replace("\r\n", "\n");
        var paragraphs = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .TakeWhile(p => !p.StartsWith("Signup bonus", StringComparison.Ordinal))
            .Where(p => !_notStory.Any(n => p.StartsWith(n, StringComparison.Ordinal)))
            .ToList();
        var readAlso = paragraphs.FindIndex(p => p.StartsWith("Read also: ", StringComparison.Ordinal));
        Assert.True(readAlso > 2, "the fixture has a 'Read also:' line after its opening paragraphs");
        var related = paragraphs[readAlso]["Read also: ".Length..];
        paragraphs[readAlso] = $"Read also: [{related}](/articles/russia-west-fight-for-kazakhstan)";
        return (paragraphs[0], paragraphs[1], string.Join("\n\n", paragraphs[2..(readAlso + 1)]));
    }
}
