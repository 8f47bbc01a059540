using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// A reader's own marks (their comments, their votes) are not in the article page, which is kept in the cache for
/// everyone: the page's script asks for them with <c>GetMyMarks</c>, and gets its own and nobody else's.
/// </summary>
public sealed class ReaderMarksTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    [Fact]
    public async Task AReadersOwnCommentsAndVotes_AreToldBack_OnAPageOpenedAgain_AndNobodyElsesAre()
    {
        var slug = await PublishAsync();
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, ada.Cookies);
        var cookies = new CookieContainer();
        long staffs, own, held;
        await using (var first = await CommentReader.ConnectAsync(newsroom.Server, cookies))
        {
            staffs = (await staff.Post(slug, new { text = "Results by district are below." })).GetProperty("comment").GetProperty("id").GetInt64();
            own = await PostTrusted(first, slug, "Turnout was 61 per cent.");
            held = (await first.Post(slug, CommentReader.Guest("And in the north?"))).GetProperty("comment").GetProperty("id").GetInt64();
            await first.Hub.InvokeAsync<JsonElement>("VoteComment", slug, staffs, "down");
            await staff.Hub.InvokeAsync<JsonElement>("VoteComment", slug, own, "up");
        }

        // The same browser, after a reload: a new connection with the same guest cookie.
        await using var again = await CommentReader.ConnectAsync(newsroom.Server, cookies);
        await using var stranger = await CommentReader.ConnectAsync(newsroom.Server);
        long[] onPage = [staffs, own, held, 9_999];
        var guests = await again.Hub.InvokeAsync<JsonElement>("GetMyMarks", slug, onPage);
        var staffMarks = await staff.Hub.InvokeAsync<JsonElement>("GetMyMarks", slug, onPage);
        var strangers = await stranger.Hub.InvokeAsync<JsonElement>("GetMyMarks", slug, onPage);

        Assert.Equal(
            [(staffs, false, "down"), (own, true, "none"), (held, true, "none")],
            Marks(guests));
        Assert.Equal([(staffs, true, "none"), (own, false, "up")], Marks(staffMarks));
        Assert.Empty(Marks(strangers));
    }

    [Fact]
    public async Task AskingForMarks_UnderAStoryNeverPublished_WithoutAList_OrForTooManyComments_IsRefusedWithTheReason()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var unknown = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>("GetMyMarks", "never-published-story", new long[] { 1 }));
        var noList = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>("GetMyMarks", slug, (long[]?)null));
        var tooMany = await Assert.ThrowsAsync<HubException>(
            () => guest.Hub.InvokeAsync<JsonElement>("GetMyMarks", slug, Enumerable.Range(1, 1_001).Select(i => (long)i).ToArray()));

        Assert.Contains("no published story 'never-published-story'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("a list of comment ids", noList.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1000 comments at a time; got 1001", tooMany.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageWithAForgedGuestCookie_HasNoMarks_EvenOnTheCommentsOfTheGuestItImitates()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        var own = await PostTrusted(guest, slug, "Counting resumes at eight.");
        var cookies = new CookieContainer();
        var real = guest.Cookies.GetCookies(newsroom.Server.BaseAddress)["newsroom.guest"]!.Value;
        // The guest's id with the signature cut off: a page that wrote its cookie by hand, straight to the WebSocket.
        cookies.Add(newsroom.Server.BaseAddress, new Cookie("newsroom.guest", real[..^4] + "AAAA"));
        await using var forged = new HubConnectionBuilder()
            .WithUrl(new Uri(newsroom.Server.BaseAddress, "/hubs/reader"), o =>
            {
                o.Cookies = cookies;
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        await forged.StartAsync();

        var mine = await guest.Hub.InvokeAsync<JsonElement>("GetMyMarks", slug, new[] { own });
        var marks = await forged.InvokeAsync<JsonElement>("GetMyMarks", slug, new[] { own });

        Assert.Equal([(own, true, "none")], Marks(mine));
        Assert.Empty(Marks(marks));
    }

    private static (long, bool, string)[] Marks(JsonElement answer) =>
        [.. answer.GetProperty("comments").EnumerateArray()
            .Select(m => (m.GetProperty("id").GetInt64(), m.GetProperty("isMine").GetBoolean(), m.GetProperty("myVote").GetString()!))
            .OrderBy(m => m.Item1)];

    /// <summary>Posts as the guest and has a moderator approve it, so it is published (a guest's first comments wait).</summary>
    private async Task<long> PostTrusted(CommentReader guest, string slug, string text)
    {
        var id = (await guest.Post(slug, CommentReader.Guest(text))).GetProperty("comment").GetProperty("id").GetInt64();
        await using var mona = await Moderator.ConnectAsync(newsroom.Server);
        await mona.Hub.InvokeAsync<JsonElement>("ModerateComment", slug, id, "approve", null);
        return id;
    }

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        return slug;
    }
}
