using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Articles;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// The comments under a story are in the article page's server HTML, readable without the script: count, rating, the
/// first page with replies, staff badge, edits and deletions, names and text inert; and the channel version they are
/// current at, for the script to catch up from.
/// </summary>
public sealed class ArticleCommentsSectionTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    [Fact]
    public async Task ArticlePage_ShowsTheFirstPageOfComments_WithRepliesBadgesAndRating_WithoutTheScript()
    {
        var slug = await PublishAsync();
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, eddie.Cookies);
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        var first = Id(await staff.Post(slug, new { text = "We will publish the turnout at noon." }));
        var reply = Id(await staff.Post(slug, new { text = "Turnout: 64 per cent.", replyTo = first }));
        await staff.Hub.InvokeAsync<JsonElement>("EditComment", slug, reply, "Turnout: 64.2 per cent.");
        var gone = Id(await staff.Post(slug, new { text = "A comment taken back." }));
        await staff.Hub.InvokeAsync("DeleteComment", slug, gone);
        await guest.Hub.InvokeAsync<JsonElement>("RateArticle", slug, 4);
        using var http = newsroom.Server.CreateClient();

        var (response, page) = await ReaderHtml.GetAsync(http, $"/articles/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = page.QuerySelector("#comments")!;
        Assert.Equal("2 comments", ReaderHtml.Text(section.QuerySelector("#comment-count")));
        Assert.Equal("4.0 · 1 vote", ReaderHtml.Text(section.QuerySelector("#rating-text")));
        var comment = section.QuerySelector($"#comment-list > #comment-{first}")!;
        Assert.Equal("Eddie Editor", ReaderHtml.Text(comment.QuerySelector("bdi.comment-author")));
        Assert.False(comment.QuerySelector(".comment-staff")!.HasAttribute("hidden"));
        Assert.Equal("We will publish the turnout at noon.", ReaderHtml.Text(comment.QuerySelector(".comment-text")));
        var shownReply = comment.QuerySelector($".comment-replies > #comment-{reply}")!;
        Assert.Equal("Turnout: 64.2 per cent.", ReaderHtml.Text(shownReply.QuerySelector(".comment-text")));
        Assert.False(shownReply.QuerySelector(".comment-edited")!.HasAttribute("hidden"));
        Assert.Null(section.QuerySelector($"#comment-list > #comment-{gone}"));
        var version = long.Parse(section.GetAttribute("data-version")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((await guest.Page(slug)).GetProperty("channelVersion").GetInt64(), version);
        Assert.Null(section.QuerySelector("#comments-more"));
    }

    [Fact]
    public async Task ArticlePage_ShowsMarkupInNamesAndComments_AsText()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        const string Body = "<script>alert(1)</script><img src=x onerror=alert(2)> see https://example.org/a?b=<c>";
        var id = Id(await guest.Post(slug, CommentReader.Guest(Body, name: "<b onmouseover=alert(3)>Mallory</b>")));
        await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "approve", null);
        using var http = newsroom.Server.CreateClient();

        var (_, page) = await ReaderHtml.GetAsync(http, $"/articles/{slug}");

        var comment = page.QuerySelector($"#comment-{id}")!;
        Assert.Empty(comment.QuerySelectorAll("script, img, b, [onerror], [onmouseover]"));
        Assert.Contains("<script>alert(1)</script>", ReaderHtml.Text(comment.QuerySelector(".comment-text")), StringComparison.Ordinal);
        Assert.Contains("Mallory", ReaderHtml.Text(comment.QuerySelector("bdi.comment-author")), StringComparison.Ordinal);
        var link = Assert.Single(comment.QuerySelectorAll(".comment-text a"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
    }

    [Fact]
    public async Task ArticlePage_WithMoreThanAPageOfComments_ShowsTwentyAndViewAllComments()
    {
        var slug = await PublishAsync();
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        for (var i = 0; i < 21; i++)
        {
            // One person posting fast is rate-limited, so the desk's moderators approve readers' comments instead.
            await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
            var id = Id(await guest.Post(slug, CommentReader.Guest($"Reader comment number {i}.", name: $"Reader {i}")));
            await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "approve", null);
        }

        using var http = newsroom.Server.CreateClient();
        var (_, page) = await ReaderHtml.GetAsync(http, $"/articles/{slug}");

        Assert.Equal("21 comments", ReaderHtml.Text(page.QuerySelector("#comment-count")));
        Assert.Equal(20, page.QuerySelectorAll("#comment-list > .comment").Length);
        var more = page.QuerySelector("#comments-more")!;
        Assert.Equal("View all comments", ReaderHtml.Text(more));
        Assert.False(string.IsNullOrEmpty(more.GetAttribute("data-cursor")));
    }

    private static long Id(JsonElement posted) => posted.GetProperty("comment").GetProperty("id").GetInt64();

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        return slug;
    }
}
