using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>A killed and restarted newsroom keeps every acknowledged comment, vote, rating, report and decision.</summary>
public sealed class CommentRestartTests
{
    [Fact]
    public async Task AKilledServer_KeepsEveryAcknowledgedComment_Vote_Rating_Report_AndDecision()
    {
        await using var newsroom = await NewsroomOnAzurite.StartAsync(new Dictionary<string, string?>
        {
            ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = "3",
            ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
            ["Newsroom__RateLimits__VotesPerAddress__Burst"] = "1000",
        });
        var server = newsroom.Server;
        string slug;
        await using (var desk = await PublishingDesk.OpenAsync(server))
        {
            (_, slug) = await desk.PublishAsync("The count went on through the night.");
        }

        await CommentingGuest.TrustGuestsAsync(server, slug);
        var anaCookies = new CookieContainer();
        JsonElement pageBefore, ratingBefore, queueBefore;
        long first, rejected;
        await using (var ana = await CommentReader.ConnectAsync(server, anaCookies))
        await using (var ben = await CommentReader.ConnectAsync(server))
        await using (var mona = await Moderator.ConnectAsync(server))
        {
            first = Id(await ana.Post(slug, CommentReader.Guest("Turnout looks higher than in 2022.")));
            await ben.Post(slug, CommentReader.Guest("It does in my district too.", name: "Ben", email: "ben@example.org", replyTo: first));
            rejected = Id(await ben.Post(slug, CommentReader.Guest("Buy cheap watches here.", name: "Ben", email: "ben@example.org")));
            await ben.Hub.InvokeAsync<JsonElement>("VoteComment", slug, first, "up");
            await ana.Hub.InvokeAsync<JsonElement>("RateArticle", slug, 4);
            await ben.Hub.InvokeAsync<JsonElement>("RateArticle", slug, 2);
            await ana.Hub.InvokeAsync("ReportComment", slug, rejected, "Spam");
            await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, first, "feature", "A good first read.");
            await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, rejected, "reject", "Advertising.");
            await ana.Post(slug, CommentReader.Guest("Reported one is gone, thanks."));
            await ben.Hub.InvokeAsync("ReportComment", slug, first, "I disagree");

            pageBefore = await ana.Page(slug, "oldest");
            ratingBefore = await ana.Hub.InvokeAsync<JsonElement>("GetRating", slug);
            queueBefore = (await mona.Hub.InvokeAsync<JsonElement>("ModerationQueue", "all", 50, null)).GetProperty("page").GetProperty("entries");
        }

        await server.KillAsync();
        await server.RestartAsync();

        await using var anaAgain = await CommentReader.ConnectAsync(server, anaCookies);
        await using var monaAgain = await Moderator.ConnectAsync(server);
        var pageAfter = await anaAgain.Page(slug, "oldest");
        var ratingAfter = await anaAgain.Hub.InvokeAsync<JsonElement>("GetRating", slug);
        var queueAfter = (await monaAgain.Hub.InvokeAsync<JsonElement>("ModerationQueue", "all", 50, null)).GetProperty("page").GetProperty("entries");

        Assert.Equal(3, pageBefore.GetProperty("publishedCount").GetInt32());
        var featured = pageAfter.GetProperty("comments")[0];
        Assert.Equal(first, featured.GetProperty("id").GetInt64());
        Assert.True(featured.GetProperty("featured").GetBoolean());
        Assert.Equal(1, featured.GetProperty("up").GetInt32());
        Assert.Single(featured.GetProperty("replies").EnumerateArray());
        Assert.DoesNotContain(pageAfter.GetProperty("comments").EnumerateArray(), c => c.GetProperty("id").GetInt64() == rejected);
        Assert.Equal(pageBefore.GetRawText(), pageAfter.GetRawText());
        Assert.Equal(4, ratingAfter.GetProperty("mine").GetInt32());
        Assert.Equal(ratingBefore.GetRawText(), ratingAfter.GetRawText());
        var reported = Assert.Single(queueAfter.EnumerateArray());
        Assert.Equal(first, reported.GetProperty("commentId").GetInt64());
        Assert.Equal(queueBefore.GetRawText(), queueAfter.GetRawText());
    }

    private static long Id(JsonElement posted) => posted.GetProperty("comment").GetProperty("id").GetInt64();
}
