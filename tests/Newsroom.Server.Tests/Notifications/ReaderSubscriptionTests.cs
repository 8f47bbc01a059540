using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// Subscribing from the comment widget: a guest is sent a confirmation link (double opt-in) and nothing is theirs until
/// it is confirmed; the link confirms once; a bad link or email changes nothing.
/// </summary>
public sealed class ReaderSubscriptionTests(ReadersNewsroom newsroom) : IClassFixture<ReadersNewsroom>
{
    private static readonly object _replies = new { email = "", followUps = false, replies = true, updates = false };

    [Fact]
    public async Task Subscribe_SendsAConfirmLink_NothingIsTheGuestsUntilConfirmed_ThenTheirInboxIs()
    {
        var slug = await PublishAsync();
        var email = Unique("ana");
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var answer = await guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, new { email = "  " + email.ToUpperInvariant() + " ", followUps = true, replies = true, updates = false });
        var (mail, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        var channelBefore = await guest.Hub.InvokeAsync<string?>("InboxChannel");
        var joinBefore = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync("Join", ChannelOf(email)));
        var followingBefore = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<string[]>("Following"));
        var (getStatus, getHtml) = await ConfirmPage.GetAsync(newsroom.Server, link);
        var channelAfterGet = await guest.Hub.InvokeAsync<string?>("InboxChannel");
        var (postStatus, postHtml) = await ConfirmPage.PostAsync(newsroom.Server, ConfirmPage.TokenOf(link));

        Assert.False(answer.GetProperty("following").GetBoolean());
        Assert.Contains($"we sent a link to {email}", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("new follow-up comments, new replies to my comments", mail.Text, StringComparison.Ordinal);
        Assert.Null(channelBefore);
        Assert.Contains("your own inbox's channel only", joinBefore.Message, StringComparison.Ordinal);
        Assert.Contains("You have no inbox here yet", followingBefore.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, getStatus);
        Assert.Contains("Confirm subscription</button>", getHtml, StringComparison.Ordinal);
        Assert.Null(channelAfterGet);
        Assert.Equal(HttpStatusCode.OK, postStatus);
        Assert.Contains("Subscription confirmed", postHtml, StringComparison.Ordinal);
        Assert.Equal(ChannelOf(email), await guest.Hub.InvokeAsync<string?>("InboxChannel"));
        await guest.Hub.InvokeAsync("Join", ChannelOf(email));
        var inbox = await guest.Hub.InvokeAsync<JsonElement>("Inbox", null, 10);
        Assert.Equal(0, inbox.GetProperty("unread").GetInt32());
        Assert.Equal(["follow-ups:" + slug, "my-replies"], (await guest.Hub.InvokeAsync<string[]>("Following")).Order());
    }

    [Fact]
    public async Task AConfirmedGuest_IsToldTheirInboxChannel_AndGetsTheInboxPage_OthersAreNot()
    {
        var slug = await PublishAsync();
        var email = Unique("hal");
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        await using var other = await CommentReader.ConnectAsync(newsroom.Server);
        using var guestHttp = newsroom.Server.CreateClient(guest.Cookies);
        using var otherHttp = newsroom.Server.CreateClient(other.Cookies);
        await guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(email));
        var (_, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        var before = await guestHttp.GetStringAsync("/notifications/inbox-channel");
        await ConfirmPage.PostAsync(newsroom.Server, ConfirmPage.TokenOf(link));

        var after = JsonDocument.Parse(await guestHttp.GetStringAsync("/notifications/inbox-channel")).RootElement;
        var others = JsonDocument.Parse(await otherHttp.GetStringAsync("/notifications/inbox-channel")).RootElement;
        var page = await guestHttp.GetStringAsync("/inbox");
        var othersPage = await otherHttp.GetStringAsync("/inbox");

        Assert.Equal("{\"channel\":null}", before);
        Assert.Equal(ChannelOf(email), after.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, others.GetProperty("channel").ValueKind);
        Assert.Contains("data-hub=\"/hubs/reader\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-channel=\"{ChannelOf(email)}\"", page, StringComparison.Ordinal);
        Assert.Contains("You have no inbox yet", othersPage, StringComparison.Ordinal);
        Assert.DoesNotContain(ChannelOf(email), othersPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffSubscribingFromTheWidget_FollowAtOnce_WithoutAnEmail()
    {
        var slug = await PublishAsync();
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, ada.Cookies);
        var mailsBefore = (await newsroom.MailDev.MailsAsync()).Count;

        var answer = await staff.Hub.InvokeAsync<JsonElement>("Subscribe", slug, new { email = (string?)null, followUps = false, replies = false, updates = true });

        Assert.True(answer.GetProperty("following").GetBoolean());
        Assert.Contains("story:" + slug, await staff.Hub.InvokeAsync<string[]>("Following"));
        Assert.Equal("user:ada", await staff.Hub.InvokeAsync<string?>("InboxChannel"));
        Assert.Equal(mailsBefore, (await newsroom.MailDev.MailsAsync()).Count);
    }

    [Fact]
    public async Task AConfirmLink_WorksOnce_TheSecondTimeSaysSoAndChangesNothing()
    {
        var slug = await PublishAsync();
        var email = Unique("ben");
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        await guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(email));
        var (_, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        await ConfirmPage.PostAsync(newsroom.Server, ConfirmPage.TokenOf(link));

        var (postStatus, postHtml) = await ConfirmPage.PostAsync(newsroom.Server, ConfirmPage.TokenOf(link));
        var (getStatus, getHtml) = await ConfirmPage.GetAsync(newsroom.Server, link);

        Assert.Equal(HttpStatusCode.BadRequest, postStatus);
        Assert.Contains("This link was already used", postHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, getStatus);
        Assert.Contains("This link was already used", getHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<button", getHtml.Split("<main", 2)[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task AForgedLink_GetsAClearPage_AndConfirmsNothing(string token)
    {
        var (getStatus, getHtml) = await ConfirmPage.GetAsync(newsroom.Server, new Uri(newsroom.Server.BaseAddress, "/notifications/confirm?token=" + Uri.EscapeDataString(token)));
        var (postStatus, postHtml) = await ConfirmPage.PostAsync(newsroom.Server, token);

        Assert.Equal(HttpStatusCode.BadRequest, getStatus);
        Assert.Contains("This link is not valid", getHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, postStatus);
        Assert.Contains("This link is not valid", postHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALinkAlteredOnTheWay_IsNotValid_AndTheGuestStaysUnconfirmed()
    {
        var slug = await PublishAsync();
        var email = Unique("cy");
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        await guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(email));
        var (_, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        var token = ConfirmPage.TokenOf(link);
        var altered = token[..^6] + (token[^6] == 'A' ? 'B' : 'A') + token[^5..];

        var (status, html) = await ConfirmPage.PostAsync(newsroom.Server, altered);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
        Assert.Null(await guest.Hub.InvokeAsync<string?>("InboxChannel"));
    }

    [Theory]
    [InlineData("", "The email address is empty")]
    [InlineData("ana@", "That does not look like an email address")]
    [InlineData("ana at example.org", "That does not look like an email address")]
    [InlineData("<script>@example.org", "That does not look like an email address")]
    public async Task AMalformedEmail_IsRefusedWithTheReason_AndNoMailIsSent(string email, string reason)
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        var mailsBefore = (await newsroom.MailDev.MailsAsync()).Count;

        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(email)));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Equal(mailsBefore, (await newsroom.MailDev.MailsAsync()).Count);
    }

    [Fact]
    public async Task NothingChosen_OrNoStory_IsRefusedWithTheReason()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);

        var nothing = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>(
            "Subscribe", slug, new { email = Unique("dee"), followUps = false, replies = false, updates = false }));
        var noStory = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>("Subscribe", "no-such-story-here", With(Unique("dee"))));
        var noForm = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, null));

        Assert.Contains("Choose what to be notified of", nothing.Message, StringComparison.Ordinal);
        Assert.Contains("There is no published story 'no-such-story-here'", noStory.Message, StringComparison.Ordinal);
        Assert.Contains("Say what to be notified of", noForm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_IsRateLimitedPerGuest()
    {
        var slug = await PublishAsync();
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        for (var i = 0; i < ReadersNewsroom.SubscriptionBurst; i++)
        {
            await guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(Unique("eve")));
        }

        var email = Unique("eve");
        var refused = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(email)));

        Assert.Contains("Slow down: you can subscribe again in", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await newsroom.MailDev.MailsAsync(), m => m.To.Any(a => a.Address == email));
    }

    [Fact]
    public async Task AGuest_CannotJoinListOrMarkAnothersInbox()
    {
        var slug = await PublishAsync();
        var email = Unique("fay");
        await using var fay = await CommentReader.ConnectAsync(newsroom.Server);
        await using var other = await CommentReader.ConnectAsync(newsroom.Server);
        await fay.Hub.InvokeAsync<JsonElement>("Subscribe", slug, With(email));
        var (_, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        await ConfirmPage.PostAsync(newsroom.Server, ConfirmPage.TokenOf(link));

        var join = await Assert.ThrowsAsync<HubException>(() => other.Hub.InvokeAsync("Join", ChannelOf(email)));
        var catchUp = await Assert.ThrowsAsync<HubException>(() => other.Hub.InvokeAsync<JsonElement>("CatchUp", ChannelOf(email), 0L));
        var list = await Assert.ThrowsAsync<HubException>(() => other.Hub.InvokeAsync<JsonElement>("Inbox", null, 10));
        var mark = await Assert.ThrowsAsync<HubException>(() => other.Hub.InvokeAsync<int>("MarkAllNotificationsRead"));
        var staffChannel = await Assert.ThrowsAsync<HubException>(() => fay.Hub.InvokeAsync("Join", "user:rosa"));

        Assert.Contains("your own inbox's channel only", join.Message, StringComparison.Ordinal);
        Assert.Contains("your own inbox's channel only", catchUp.Message, StringComparison.Ordinal);
        Assert.Contains("You have no inbox here yet", list.Message, StringComparison.Ordinal);
        Assert.Contains("You have no inbox here yet", mark.Message, StringComparison.Ordinal);
        Assert.Contains("your own inbox's channel only", staffChannel.Message, StringComparison.Ordinal);
        await fay.Hub.InvokeAsync("Join", ChannelOf(email));
    }

    private static object With(string email) => new { email, followUps = true, replies = true, updates = true };

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():n}"[..(name.Length + 9)] + "@example.org";

    private static string ChannelOf(string email) =>
        "user:guest." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        return slug;
    }
}
