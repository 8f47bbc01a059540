using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>Every refused comment call says why, to the caller, and leaves the thread as it was.</summary>
public sealed class CommentRefusalTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    [Fact]
    public async Task AnEmptyComment_IsRefusedWithTheReason_AndStoresNothing()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Post(slug, CommentReader.Guest("   ")));

        Assert.Contains("empty", refused.Message, StringComparison.OrdinalIgnoreCase);
        await AssertNothingStored(slug);
    }

    [Fact]
    public async Task CommentingFasterThanTheRateLimit_IsRefused_SlowDown_AndTheRefusedCommentIsNotStored()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        for (var i = 0; i < CommentsNewsroom.CommentBurst; i++)
        {
            await guest.Post(slug, CommentReader.Guest($"Comment number {i} on the count."));
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Post(slug, CommentReader.Guest("One comment too many.")));
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        var queue = await mona.Queue(slug);

        Assert.Matches(@"Slow down: you can comment again in [1-3] s\.", refused.Message);
        Assert.Equal(CommentsNewsroom.CommentBurst, queue.GetProperty("pendingCount").GetInt32());
        Assert.DoesNotContain(
            queue.GetProperty("pending").EnumerateArray(), c => c.GetProperty("text").GetString() == "One comment too many.");
    }

    [Fact]
    public async Task AForgedGuestCookie_IsRefused_ForPostingAndVoting_AndStoresNothing()
    {
        var slug = await PublishAsync();
        // A page whose browser kept a hand-written cookie: straight to the WebSocket, so no negotiation replaces it first.
        var cookies = new CookieContainer();
        cookies.Add(newsroom.Server.BaseAddress, new Cookie("newsroom.guest", "g-" + new string('0', 24)));
        await using var forged = new HubConnectionBuilder()
            .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader"), o =>
            {
                o.Cookies = cookies;
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await forged.StartAsync();

        var post = await Assert.ThrowsAsync<HubException>(
            () => forged.InvokeAsync<JsonElement>("PostComment", slug, CommentReader.Guest("Written with a cookie of my own.")));
        var rate = await Assert.ThrowsAsync<HubException>(() => forged.InvokeAsync<JsonElement>("RateArticle", slug, 5));

        Assert.Contains("guest identity could not be verified", post.Message, StringComparison.Ordinal);
        Assert.Contains("guest identity could not be verified", rate.Message, StringComparison.Ordinal);
        await AssertNothingStored(slug);
    }

    [Fact]
    public async Task AReplyToAMissingComment_IsRefused_AndStoresNothing()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var refused = await Assert.ThrowsAsync<HubException>(
            () => guest.Post(slug, CommentReader.Guest("I agree with this.", replyTo: 4242)));

        Assert.Contains("There is no comment 4242", refused.Message, StringComparison.Ordinal);
        await AssertNothingStored(slug);
    }

    [Fact]
    public async Task ACommentUnderAStoryThatWasNeverPublished_IsRefused_AndSoIsReadingItsComments()
    {
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var post = await Assert.ThrowsAsync<HubException>(() => guest.Post("never-published-story", CommentReader.Guest("First!")));
        var read = await Assert.ThrowsAsync<HubException>(() => guest.Page("never-published-story"));
        var badSlug = await Assert.ThrowsAsync<HubException>(() => guest.Page("no/such story"));

        Assert.Contains("There is no published story", post.Message, StringComparison.Ordinal);
        Assert.Contains("There is no published story", read.Message, StringComparison.Ordinal);
        Assert.Contains("not a story's address", badSlug.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporterOrAReader_MayNotModerate_AndTheCommentStaysAsItWas()
    {
        var slug = await PublishAsync();
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, eddie.Cookies);
        var id = (await staff.Post(slug, new { text = "Counting resumes at eight." })).GetProperty("comment").GetProperty("id").GetInt64();
        await using var rosa = await Moderator.ConnectAsync(newsroom.Server, StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var reporter = await Assert.ThrowsAsync<HubException>(
            () => rosa.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "remove", "Not on my watch."));
        var queue = await Assert.ThrowsAsync<HubException>(() => rosa.Queue(slug));
        var reader = await Assert.ThrowsAsync<HubException>(
            () => guest.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "remove", "Not on my watch."));

        Assert.EndsWith("Only moderators may do this.", reporter.Message, StringComparison.Ordinal);
        Assert.EndsWith("Only moderators may do this.", queue.Message, StringComparison.Ordinal);
        Assert.NotNull(reader.Message);
        Assert.Equal(["Counting resumes at eight."], await guest.Texts(slug));
    }

    [Fact]
    public async Task AModeratorsUnknownAction_IsRefused_NamingTheActions()
    {
        var slug = await PublishAsync();
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);

        var refused = await Assert.ThrowsAsync<HubException>(
            () => mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, 1L, "obliterate", null));

        Assert.EndsWith(
            "'obliterate' is not a moderator's action; expected one of approve, reject, remove, feature, unfeature, ban.", refused.Message, StringComparison.Ordinal);
    }

    private async Task AssertNothingStored(string slug)
    {
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
        var queue = await mona.Queue(slug);
        var page = await reader.Page(slug);
        var rating = await reader.Hub.InvokeAsync<JsonElement>("GetRating", slug);
        Assert.Equal(0, queue.GetProperty("pendingCount").GetInt32());
        Assert.Equal(0, page.GetProperty("publishedCount").GetInt32());
        Assert.Equal(0, page.GetProperty("channelVersion").GetInt64());
        Assert.Equal(0, rating.GetProperty("count").GetInt32());
    }

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        return slug;
    }
}
