using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// Moderators read the newsroom's moderation queue over the staff hub (each part of it, with the stories' headlines)
/// and follow it live on moderation:newsroom; everyone else, and every malformed call, is refused with the reason.
/// </summary>
public sealed class StaffHubModerationTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    private static readonly TimeSpan _delivery = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ANewGuestsComment_IsAwaitingApproval_WithItsRuleAndHeadline_AndNotHeldByARule()
    {
        var slug = await PublishAsync("Polls close at ten");
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "<b>Where</b> do I vote?", name: "Ana <i>Reader</i>");
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);

        var awaiting = await Queue(mona, "awaiting-approval");
        var byRule = await Queue(mona, "held-by-rule");

        var entry = Assert.Single(Entries(awaiting, slug));
        Assert.Equal(id, entry.GetProperty("commentId").GetInt64());
        Assert.Equal("guest-not-yet-trusted", entry.GetProperty("heldBy").GetString());
        Assert.Equal("Ana <i>Reader</i>", entry.GetProperty("authorName").GetString());
        Assert.False(entry.GetProperty("isStaff").GetBoolean());
        Assert.Equal("<p>&lt;b&gt;Where&lt;/b&gt; do I vote?</p>", entry.GetProperty("html").GetString());
        Assert.Equal("Polls close at ten", awaiting.GetProperty("headlines").GetProperty(slug).GetString());
        Assert.Empty(Entries(byRule, slug));
    }

    [Fact]
    public async Task ACommentWithTooManyLinks_IsHeldByARule_SayingWhichOne()
    {
        var slug = await PublishAsync();
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, slug);
        await CommentingGuest.PostAsync(newsroom.Server, slug, "See https://a.example/1 https://b.example/2 https://c.example/3");
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);

        var byRule = await Queue(mona, "held-by-rule");
        var awaiting = await Queue(mona, "awaiting-approval");

        var entry = Assert.Single(Entries(byRule, slug));
        Assert.Equal("too-many-links", entry.GetProperty("heldBy").GetString());
        Assert.Contains("3 links", entry.GetProperty("holdReason").GetString(), StringComparison.Ordinal);
        Assert.Empty(Entries(awaiting, slug));
        Assert.True(byRule.GetProperty("page").GetProperty("heldByRuleCount").GetInt32() >= 1);
    }

    [Fact]
    public async Task AReportedComment_IsListedWithHowManyReportedIt_AndWhy()
    {
        var slug = await PublishAsync();
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, slug);
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "Buy cheap watches here.");
        foreach (var reason in new[] { "Spam.", "Advertising watches." })
        {
            await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
            await reader.Hub.InvokeAsync("ReportComment", slug, id, reason);
        }

        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        var reported = await Queue(mona, "reported");
        var pending = await Queue(mona, "pending");

        var entry = Assert.Single(Entries(reported, slug));
        Assert.Equal(2, entry.GetProperty("reportCount").GetInt32());
        Assert.Equal(["Advertising watches.", "Spam."], entry.GetProperty("reportReasons").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal("published", entry.GetProperty("status").GetString());
        Assert.Empty(Entries(pending, slug));
    }

    [Fact]
    public async Task ARejection_TakesTheEntryOffEveryModeratorsQueue_AtOnce_WithWhoAndWhy()
    {
        var slug = await PublishAsync();
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "First comment, held for a moderator.");
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        await using var ada = await Moderator.ConnectAsync(newsroom.Server, "ada", "ada-demo");
        var events = Channel.CreateUnbounded<JsonElement>();
        ada.Hub.OnEvents(e => events.Writer.TryWrite(e));
        await ada.Hub.InvokeAsync("Join", "moderation:newsroom");
        Assert.Single(Entries(await Queue(ada, "all"), slug));

        await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "reject", "Off topic.");

        using var timeout = new CancellationTokenSource(_delivery);
        JsonElement decided;
        do
        {
            decided = (await events.Reader.ReadAsync(timeout.Token)).GetProperty("event");
        }
        while (decided.GetProperty("type").GetString() != "moderation.decided" || decided.GetProperty("slug").GetString() != slug);

        Assert.Equal(id, decided.GetProperty("commentId").GetInt64());
        Assert.Equal("reject", decided.GetProperty("action").GetString());
        Assert.Equal("mona", decided.GetProperty("by").GetString());
        Assert.Equal("Off topic.", decided.GetProperty("reason").GetString());
        Assert.Empty(Entries(await Queue(ada, "all"), slug));
    }

    [Fact]
    public async Task AReporterOrAnEditor_MayNotReadTheQueue_AndIsToldWhy()
    {
        foreach (var (user, password) in new[] { StaffSession.Reporter, StaffSession.Editor })
        {
            await using var staff = await Moderator.ConnectAsync(newsroom.Server, user, password);

            var queue = await Assert.ThrowsAsync<HubException>(() => staff.Hub.InvokeAsync<JsonElement>("ModerationQueue", "all", 50, null));
            var headlines = await Assert.ThrowsAsync<HubException>(() => staff.Hub.InvokeAsync<JsonElement>("StoryHeadlines", new[] { "a-story" }));
            var join = await Assert.ThrowsAsync<HubException>(() => ReaderJoinsTheQueue());

            Assert.EndsWith("Only moderators may do this.", queue.Message, StringComparison.Ordinal);
            Assert.EndsWith("Only moderators may do this.", headlines.Message, StringComparison.Ordinal);
            Assert.Contains("moderation:newsroom", join.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("everything", 50, null, "'everything' is not a part of the moderation queue; expected one of pending, awaiting-approval, held-by-rule, reported, all.")]
    [InlineData("all", 0, null, "Ask for 1 to 200 queued comments; got 0.")]
    [InlineData("reported", 201, null, "Ask for 1 to 200 queued comments; got 201.")]
    [InlineData("all", 50, "made-up", "This moderation queue cursor is not one the queue gave; start from the first page.")]
    [InlineData("all", 50, "-5~x", "This moderation queue cursor is not one the queue gave; start from the first page.")]
    public async Task ABadFilterSizeOrCursor_IsRefusedWithTheReason_AndChangesNothing(string filter, int max, string? cursor, string reason)
    {
        var slug = await PublishAsync();
        await CommentingGuest.PostAsync(newsroom.Server, slug, "Held for a moderator.");
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        var before = await Queue(mona, "all");

        var refused = await Assert.ThrowsAsync<HubException>(() => mona.Hub.InvokeAsync<JsonElement>("ModerationQueue", filter, max, cursor));

        Assert.EndsWith(reason, refused.Message, StringComparison.Ordinal);
        var after = await Queue(mona, "all");
        Assert.Single(Entries(after, slug));
        foreach (var count in new[] { "pendingCount", "reportedCount", "heldByRuleCount" })
        {
            Assert.Equal(before.GetProperty("page").GetProperty(count).GetInt32(), after.GetProperty("page").GetProperty(count).GetInt32());
        }
    }

    [Fact]
    public async Task HeadlinesAskedForBadly_AreRefusedWithTheReason()
    {
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);

        var none = await Assert.ThrowsAsync<HubException>(() => mona.Hub.InvokeAsync<JsonElement>("StoryHeadlines", Array.Empty<string>()));
        var tooMany = await Assert.ThrowsAsync<HubException>(
            () => mona.Hub.InvokeAsync<JsonElement>("StoryHeadlines", Enumerable.Range(0, 51).Select(i => $"story-{i}").ToArray()));
        var notASlug = await Assert.ThrowsAsync<HubException>(() => mona.Hub.InvokeAsync<JsonElement>("StoryHeadlines", new[] { "no/such story" }));
        var unknown = await mona.Hub.InvokeAsync<JsonElement>("StoryHeadlines", new[] { "never-published-story" });

        foreach (var refused in new[] { none, tooMany, notASlug })
        {
            Assert.EndsWith("Ask for the headlines of 1 to 50 stories by their slugs.", refused.Message, StringComparison.Ordinal);
        }

        Assert.Empty(unknown.EnumerateObject());
    }

    private async Task ReaderJoinsTheQueue()
    {
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
        await reader.Hub.InvokeAsync("Join", "moderation:newsroom");
    }

    private static Task<JsonElement> Queue(Moderator moderator, string filter) =>
        moderator.Hub.InvokeAsync<JsonElement>("ModerationQueue", filter, 200, null);

    private static List<JsonElement> Entries(JsonElement view, string slug) =>
        [.. view.GetProperty("page").GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("slug").GetString() == slug)];

    private async Task<string> PublishAsync(string headline = "Count goes on through the night")
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.", headline);
        return slug;
    }
}
