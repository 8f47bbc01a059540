using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// A guest reader, end to end: chooses one comment's replies in the widget's Subscribe (with the story's updates),
/// confirms by email, is told of a reply to that comment live, in the inbox and by email through SMTP, and the email's
/// one-click unsubscribe stops those emails while the inbox keeps what comes. A comment that is not there to follow is
/// refused and sends nothing.
/// </summary>
public sealed class GuestFollowsACommentEndToEndTests(SubscribersNewsroom newsroom) : IClassFixture<SubscribersNewsroom>
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(30);

    private NewsroomServer Server => newsroom.Server;

    [Fact]
    public async Task AGuestFollowingOneComment_IsToldOfItsReplies_LiveInTheInboxAndByEmail_UntilUnsubscribingFromTheEmail()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        const string body = "The night ferry returns in May.";
        var (draftId, slug) = await desk.PublishAsync(body, "Night ferry returns");
        await CommentingGuest.TrustGuestsAsync(Server, slug);
        var question = await CommentingGuest.PostAsync(Server, slug, "Will bikes be allowed?", name: "Quinn Asker");
        var email = $"gus-{Guid.NewGuid():n}"[..12] + "@example.org";
        await using var gus = await CommentReader.ConnectAsync(Server);
        var events = Channel.CreateUnbounded<JsonElement>();
        gus.Hub.OnEvents(e => events.Writer.TryWrite(e));

        await gus.Hub.InvokeAsync<JsonElement>("Subscribe", slug, new { email, followUps = false, replies = false, updates = true, comment = question });
        var (confirmMail, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        Assert.Contains("new replies to Quinn Asker's comment", confirmMail.Text, StringComparison.Ordinal);
        await ConfirmPage.PostAsync(Server, ConfirmPage.TokenOf(link));
        Assert.Equal([$"replies:{slug}:{question}", $"story:{slug}"], (await gus.Hub.InvokeAsync<string[]>("Following")).Order());
        await gus.Hub.InvokeAsync("Join", await gus.Hub.InvokeAsync<string>("InboxChannel"));

        // A comment beside the followed one, then a reply to it: only the reply is Gus's.
        await CommentingGuest.PostAsync(Server, slug, "Lovely news.", name: "Nell Nearby");
        var answer = await CommentingGuest.PostAsync(Server, slug, "Yes, on the car deck.", replyTo: question, name: "Bea Answer");
        var title = "Bea Answer replied to a comment you follow";
        var told = await NextNotification(events, $"/articles/{slug}#comment-{answer}");
        var inbox = await gus.Hub.InvokeAsync<JsonElement>("Inbox", null, 10);
        var mail = await newsroom.MailDev.WaitForMailAsync(m => m.To.Any(a => a.Address == email) && m.Subject == title, _patience);

        Assert.Equal("reply-to-followed-comment", told.GetProperty("kind").GetString());
        Assert.Equal(title, told.GetProperty("title").GetString());
        Assert.Equal(title, Assert.Single(inbox.GetProperty("entries").EnumerateArray()).GetProperty("notification").GetProperty("title").GetString());
        Assert.Contains($"{MailingNewsroom.Site}articles/{slug}#comment-{answer}", mail.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));

        // One click from the mail: replies to the comment are emailed no more; the story's update still is.
        using var anonymous = Server.CreateClient();
        using var unsubscribed = await anonymous.PostAsync(
            MailingNewsroom.UnsubscribePath(mail), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, unsubscribed.StatusCode);
        var again = await CommentingGuest.PostAsync(Server, slug, "Bikes ride free.", replyTo: question, name: "Cal Again");
        await NextNotification(events, $"/articles/{slug}#comment-{again}");
        await desk.ReplaceBodyAsync(draftId, 1, body, body + " Cabins can be booked.");
        await desk.Step(draftId, "update", "Cabins were added.", "update");
        var update = await newsroom.MailDev.WaitForMailAsync(m => m.To.Any(a => a.Address == email) && m.Subject == "Updated: Night ferry returns", _patience);

        var links = (await gus.Hub.InvokeAsync<JsonElement>("Inbox", null, 10)).GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("notification").GetProperty("link").GetString()).ToList();
        Assert.Equal([$"/articles/{slug}", $"/articles/{slug}#comment-{again}", $"/articles/{slug}#comment-{answer}"], links);
        Assert.DoesNotContain($"#comment-{again}", update.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await newsroom.MailDev.MailsAsync(), m => m.To.Any(a => a.Address == email) && m.Text.Contains($"#comment-{again}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowingACommentThatIsNotThere_IsRefusedWithTheReason_AndSendsNothing()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (_, slug) = await desk.PublishAsync("The pier reopens.", "Pier reopens");
        var held = await CommentingGuest.PostAsync(Server, slug, "Held for a moderator, as a new guest's first comment is.", name: "New Guest");
        var email = $"hal-{Guid.NewGuid():n}"[..12] + "@example.org";
        await using var hal = await CommentReader.ConnectAsync(Server);

        var missing = await Assert.ThrowsAsync<HubException>(() => hal.Hub.InvokeAsync<JsonElement>(
            "Subscribe", slug, new { email, followUps = false, replies = false, updates = false, comment = 999_999L }));
        var waiting = await Assert.ThrowsAsync<HubException>(() => hal.Hub.InvokeAsync<JsonElement>(
            "Subscribe", slug, new { email, followUps = false, replies = false, updates = false, comment = held }));

        Assert.Contains("There is no comment 999999 under this story to follow the replies to", missing.Message, StringComparison.Ordinal);
        Assert.Contains($"There is no comment {held} under this story", waiting.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await newsroom.MailDev.MailsAsync(), m => m.To.Any(a => a.Address == email));
    }

    private static async Task<JsonElement> NextNotification(Channel<JsonElement> events, string link)
    {
        using var cancel = new CancellationTokenSource(_patience);
        while (true)
        {
            var e = (await events.Reader.ReadAsync(cancel.Token)).GetProperty("event");
            if (e.GetProperty("type").GetString() == "notification.new"
                && e.GetProperty("entry").GetProperty("notification").GetProperty("link").GetString() == link)
            {
                return e.GetProperty("entry").GetProperty("notification");
            }
        }
    }
}
