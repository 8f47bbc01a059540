using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>Readers and staff comment, reply, vote and rate through the reader hub; moderators decide through the staff hub.</summary>
public sealed class ReaderHubCommentThreadTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    private static readonly TimeSpan _delivery = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AGuestsFirstComment_WaitsForAModerator_AndOnceApproved_EveryReaderReadsItBack()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        await using var other = await CommentReader.ConnectAsync(newsroom.Server);
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);

        var posted = await guest.Post(slug, CommentReader.Guest("The queue at the town hall went round the block."));
        var ownView = (await guest.Page(slug)).GetProperty("comments")[0];
        var othersBefore = await other.Page(slug);
        var approved = await mona.Hub.InvokeAsync<JsonElement>(
            "ModerateComment", slug, posted.GetProperty("comment").GetProperty("id").GetInt64(), "approve", "Fine.");
        var othersAfter = await other.Page(slug);

        Assert.True(posted.GetProperty("held").GetBoolean());
        Assert.False(string.IsNullOrEmpty(posted.GetProperty("heldBecause").GetString()));
        Assert.Equal("pending", ownView.GetProperty("status").GetString());
        Assert.True(ownView.GetProperty("isMine").GetBoolean());
        Assert.Equal(0, othersBefore.GetProperty("comments").GetArrayLength());
        Assert.Equal("published", approved.GetProperty("status").GetString());
        var shown = Assert.Single(othersAfter.GetProperty("comments").EnumerateArray());
        Assert.Equal("The queue at the town hall went round the block.", shown.GetProperty("text").GetString());
        Assert.Equal("Ana Reader", shown.GetProperty("authorName").GetString());
        Assert.False(shown.GetProperty("isStaff").GetBoolean());
        Assert.False(shown.GetProperty("isMine").GetBoolean());
        Assert.Equal(1, othersAfter.GetProperty("publishedCount").GetInt32());
    }

    [Fact]
    public async Task SignedInStaff_CommentOnTheReaderHub_AsThemselves_WithTheStaffBadge_AndAReplyReadsUnderIt()
    {
        var slug = await PublishAsync();
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, eddie.Cookies);
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);

        // The name and email a staff member's page might send are ignored: they write as their account.
        var posted = await staff.Post(slug, CommentReader.Guest("Polls closed at ten; we will update the count.", name: "Someone Else"));
        var id = posted.GetProperty("comment").GetProperty("id").GetInt64();
        await staff.Post(slug, new { text = "Update: the first district has reported.", replyTo = id });
        var page = await reader.Page(slug);

        Assert.False(posted.GetProperty("held").GetBoolean());
        var comment = Assert.Single(page.GetProperty("comments").EnumerateArray());
        Assert.Equal("Eddie Editor", comment.GetProperty("authorName").GetString());
        Assert.True(comment.GetProperty("isStaff").GetBoolean());
        var reply = Assert.Single(comment.GetProperty("replies").EnumerateArray());
        Assert.Equal("Update: the first district has reported.", reply.GetProperty("text").GetString());
        Assert.Equal(id, reply.GetProperty("parentId").GetInt64());
        Assert.Equal(2, page.GetProperty("publishedCount").GetInt32());
    }

    [Fact]
    public async Task AStaffComment_ReachesAReaderListeningOnTheCommentsChannel_AtTheVersionAfterThePageTheyRead()
    {
        var slug = await PublishAsync();
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, ada.Cookies);
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
        var events = new List<JsonElement>();
        var got = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.Hub.OnEvents(e => got.TrySetResult(e));
        await reader.Hub.InvokeAsync("Join", $"comments:{slug}");
        var before = await reader.Page(slug);

        var posted = await staff.Post(slug, new { text = "Turnout was the highest since 1998." });
        var envelope = await got.Task.WaitAsync(_delivery);

        Assert.Equal($"comments:{slug}", envelope.GetProperty("channel").GetString());
        Assert.Equal(before.GetProperty("channelVersion").GetInt64() + 1, envelope.GetProperty("version").GetInt64());
        Assert.Equal(posted.GetProperty("channelVersion").GetInt64(), envelope.GetProperty("version").GetInt64());
        var e = envelope.GetProperty("event");
        Assert.Equal("comment.posted", e.GetProperty("type").GetString());
        Assert.Equal("Turnout was the highest since 1998.", e.GetProperty("comment").GetProperty("text").GetString());
        Assert.Equal(1, e.GetProperty("publishedCount").GetInt32());
    }

    [Fact]
    public async Task AReadersVoteAndRating_CountOncePerPerson_AndCanBeChangedOrTakenBack()
    {
        var slug = await PublishAsync();
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, ada.Cookies);
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        var id = (await staff.Post(slug, new { text = "Results by district are below." })).GetProperty("comment").GetProperty("id").GetInt64();

        var up = await guest.Hub.InvokeAsync<JsonElement>("VoteComment", slug, id, "up");
        var again = await guest.Hub.InvokeAsync<JsonElement>("VoteComment", slug, id, "up");
        var down = await guest.Hub.InvokeAsync<JsonElement>("VoteComment", slug, id, "down");
        var none = await guest.Hub.InvokeAsync<JsonElement>("VoteComment", slug, id, "none");
        await guest.Hub.InvokeAsync<JsonElement>("RateArticle", slug, 5);
        await guest.Hub.InvokeAsync<JsonElement>("RateArticle", slug, 4);
        await staff.Hub.InvokeAsync<JsonElement>("RateArticle", slug, 2);
        var rating = await guest.Hub.InvokeAsync<JsonElement>("GetRating", slug);

        Assert.Equal((1, 0), (up.GetProperty("up").GetInt32(), up.GetProperty("down").GetInt32()));
        Assert.Equal((1, 0), (again.GetProperty("up").GetInt32(), again.GetProperty("down").GetInt32()));
        Assert.Equal((0, 1), (down.GetProperty("up").GetInt32(), down.GetProperty("down").GetInt32()));
        Assert.Equal((0, 0), (none.GetProperty("up").GetInt32(), none.GetProperty("down").GetInt32()));
        Assert.Equal(2, rating.GetProperty("count").GetInt32());
        Assert.Equal(4, rating.GetProperty("mine").GetInt32());
        Assert.Equal("3.0 · 2 votes", rating.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ReadersPageThroughAThread_APageAtATime_InTheOrderTheyChose()
    {
        var slug = await PublishAsync();
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        for (var i = 0; i < 21; i++)
        {
            await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
            var id = (await guest.Post(slug, CommentReader.Guest($"Comment {i}.", name: $"Reader {i}"))).GetProperty("comment").GetProperty("id").GetInt64();
            await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "approve", null);
        }

        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);

        var first = await reader.Page(slug, "oldest");
        var second = await reader.Page(slug, "oldest", first.GetProperty("nextCursor").GetString());
        var newest = await reader.Page(slug);
        var refused = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => reader.Page(slug, "loudest"));

        Assert.Equal(20, first.GetProperty("comments").GetArrayLength());
        Assert.Equal("Comment 0.", first.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Equal(["Comment 20."], second.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal("Comment 20.", newest.GetProperty("comments")[0].GetProperty("text").GetString());
        Assert.Contains("'loudest' is not a way to sort comments", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReadersReport_ReachesTheModerationQueue_WithTheReason()
    {
        var slug = await PublishAsync();
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, rosa.Cookies);
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        var id = (await staff.Post(slug, new { text = "The mayor conceded at midnight." })).GetProperty("comment").GetProperty("id").GetInt64();

        await guest.Hub.InvokeAsync("ReportComment", slug, id, "This is not what the mayor said.");
        var queue = await mona.Queue(slug);

        var reported = Assert.Single(queue.GetProperty("reported").EnumerateArray());
        Assert.Equal(id, reported.GetProperty("id").GetInt64());
        Assert.Equal("This is not what the mayor said.", Assert.Single(reported.GetProperty("reports").EnumerateArray()).GetProperty("reason").GetString());
    }

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        return slug;
    }
}
