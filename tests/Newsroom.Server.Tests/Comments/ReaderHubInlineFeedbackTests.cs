using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// Inline feedback through the reader hub: a passage is chosen from the page's text runs, posted with its anchor, and
/// <c>LoadPassages</c> tells every reader's page which passages of the latest version have comments, and how many.
/// </summary>
public sealed class ReaderHubInlineFeedbackTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    private const string Body = "Polls opened at *eight*. Turnout was 61 percent by noon.\n\nResults are due at midnight.";

    [Fact]
    public async Task LoadPassages_CountsThePublishedCommentsOnEachPassage_AndLeavesOutARejectedOne()
    {
        var (_, slug) = await PublishAsync();
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        var turnout = await PassageOnPageAsync(slug, "Turnout was 61 percent");
        var results = await PassageOnPageAsync(slug, "Results are due");
        await PostAboutAsync(slug, turnout, "Source?", "Ana Reader");
        await PostAboutAsync(slug, turnout, "Seems high.", "Ben Reader");
        var spam = await PostAboutAsync(slug, results, "Buy watches.", "Spam Reader");
        await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, spam, "reject", "Spam.");

        var passages = await reader.Hub.InvokeAsync<JsonElement>("LoadPassages", slug);
        var page = await reader.Page(slug);

        Assert.Equal(1, passages.GetProperty("version").GetInt32());
        Assert.Equal(page.GetProperty("channelVersion").GetInt64(), passages.GetProperty("channelVersion").GetInt64());
        var only = Assert.Single(passages.GetProperty("passages").EnumerateArray());
        Assert.Equal((turnout.From, turnout.To, 2), (only.GetProperty("from").GetInt32(), only.GetProperty("to").GetInt32(), only.GetProperty("comments").GetInt32()));
    }

    [Fact]
    public async Task APassageChosenOnThePage_MovesWithAnUpdateAboveIt_InLoadPassagesAndOnTheUpdatedBody()
    {
        var (draftId, slug) = await PublishAsync();
        var turnout = await PassageOnPageAsync(slug, "Turnout was 61 percent");
        await PostAboutAsync(slug, turnout, "Source?", "Ana Reader");

        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        await desk.EditBodyAsync(draftId, 1, Body.Length, 0, 0, "UPDATE: counting has begun. ");
        await desk.Step(draftId, "update", "Update: counting has begun.", "update");
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
        var passages = await Eventually.Until(
            () => reader.Hub.InvokeAsync<JsonElement>("LoadPassages", slug), p => p.GetProperty("version").GetInt32() == 2,
            TimeSpan.FromSeconds(10), "the passages followed into version 2");
        var moved = await PassageOnPageAsync(slug, "Turnout was 61 percent", path: $"/articles/{slug}/body");

        var only = Assert.Single(passages.GetProperty("passages").EnumerateArray());
        Assert.Equal(2, moved.Version);
        Assert.Equal(turnout.From + "UPDATE: counting has begun. ".Length, moved.From);
        Assert.Equal((moved.From, moved.To, 1), (only.GetProperty("from").GetInt32(), only.GetProperty("to").GetInt32(), only.GetProperty("comments").GetInt32()));
    }

    [Fact]
    public async Task LoadPassages_WithNoInlineComments_StillSaysTheLatestVersion_SoThePageNeedNotAskAgain()
    {
        var (_, slug) = await PublishAsync();
        await CommentingGuest.PostAsync(newsroom.Server, slug, "On the whole story.");
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);

        var passages = await reader.Hub.InvokeAsync<JsonElement>("LoadPassages", slug);

        Assert.Equal(1, passages.GetProperty("version").GetInt32());
        Assert.Equal(0, passages.GetProperty("passages").GetArrayLength());
        Assert.Equal(1, passages.GetProperty("channelVersion").GetInt64());
    }

    [Fact]
    public async Task LoadPassages_UnderAStoryThatWasNeverPublished_IsRefusedWithTheReason()
    {
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);

        var refused = await Assert.ThrowsAsync<HubException>(() => reader.Hub.InvokeAsync<JsonElement>("LoadPassages", "no-such-story-here"));

        Assert.Contains("There is no published story 'no-such-story-here'", refused.Message, StringComparison.Ordinal);
    }

    private sealed record Passage(int Version, int From, int To, string Quote);

    /// <summary>
    /// The passage as a reader's page would choose it: from the server's text runs on the page (the runs <paramref name="text"/>
    /// lies in, their offsets and the source between them), never from the Markdown, which the page does not have.
    /// </summary>
    private async Task<Passage> PassageOnPageAsync(string slug, string text, string? path = null)
    {
        using var http = newsroom.Server.CreateClient();
        var html = await http.GetStringAsync(path ?? $"/articles/{slug}");
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var body = document.GetElementById("story-body")!;
        var version = int.Parse(body.GetAttribute("data-published")!, System.Globalization.CultureInfo.InvariantCulture);
        var runs = body.QuerySelectorAll("[data-s]").ToList();
        var shown = string.Concat(runs.Select(r => r.TextContent));
        var at = shown.IndexOf(text, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{text}' is not on the page");

        // A plain run's character i is the body's character data-s + i; the passage ends in the same run here.
        var seen = 0;
        foreach (var run in runs)
        {
            if (at < seen + run.TextContent.Length)
            {
                Assert.Null(run.GetAttribute("data-src"));
                var from = int.Parse(run.GetAttribute("data-s")!, System.Globalization.CultureInfo.InvariantCulture) + (at - seen);
                return new Passage(version, from, from + text.Length, text);
            }

            seen += run.TextContent.Length;
        }

        throw new InvalidOperationException("unreachable");
    }

    private async Task<long> PostAboutAsync(string slug, Passage passage, string text, string name)
    {
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        var anchor = new { version = passage.Version, from = passage.From, to = passage.To, quote = passage.Quote };
        var posted = await guest.Post(slug, new { text, name, email = "reader@example.org", anchor });
        return posted.GetProperty("comment").GetProperty("id").GetInt64();
    }

    private async Task<(string DraftId, string Slug)> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var published = await desk.PublishAsync(Body);
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, published.Slug);
        return published;
    }
}
