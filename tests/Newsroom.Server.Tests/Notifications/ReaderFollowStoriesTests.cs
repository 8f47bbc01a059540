using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// Following new stories from under a story: its section, its author (byline) and its tags, as the story names them.
/// The topics come from the published story, never from the form; a guest confirms by email first, staff follow at once.
/// </summary>
public sealed class ReaderFollowStoriesTests(ReadersNewsroom newsroom) : IClassFixture<ReadersNewsroom>
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AGuest_FollowsSectionAuthorAndTag_ByConfirming_AndANewStoryInAllThree_IsInTheirInboxOnce()
    {
        var unique = Guid.NewGuid().ToString("n")[..8];
        var (section, byline, tag) = ($"Harbour News {unique}", $"Wanda Tide {unique}", $"Ferry Strikes {unique}");
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, first) = await desk.PublishAsync("The ferries stopped at noon.", section: section, tags: [tag, "Weather"], byline: byline);
        var email = $"gus-{unique}@example.org";
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        var page = await newsroom.Server.CreateClient().GetStringAsync($"/articles/{first}");

        await guest.Hub.InvokeAsync<JsonElement>("Subscribe", first, new { email, followUps = false, replies = false, updates = false, section = true, author = true, tags = new[] { tag.ToUpperInvariant() } });
        var (mail, link) = await ReaderSubscriptionMail.WaitAsync(newsroom.MailDev, email);
        var (_, confirmPage) = await ConfirmPage.GetAsync(newsroom.Server, link);
        var (status, _) = await ConfirmPage.PostAsync(newsroom.Server, ConfirmPage.TokenOf(link));
        var following = await guest.Hub.InvokeAsync<string[]>("Following");
        var (_, second) = await desk.PublishAsync("The ferries run again.", "Ferries run again", section: section, tags: [tag], byline: byline);
        await Eventually.Until(() => Entries(guest), e => e.Any(n => n.Link == $"/articles/{second}"), _wait, "the new story in the guest's inbox");
        // Each topic tells its subscribers in the order it was told: a later story on each of the three topics alone
        // arriving means each has delivered the second story too, which the inbox must have taken once.
        var (_, bySection) = await desk.PublishAsync("Section only.", section: section, byline: $"Other {unique}");
        var (_, byAuthor) = await desk.PublishAsync("Author only.", section: $"Elsewhere {unique}", byline: byline);
        var (_, onTag) = await desk.PublishAsync("Tag only.", section: $"Elsewhere {unique}", tags: [tag], byline: $"Other {unique}");
        var inbox = await Eventually.Until(
            () => Entries(guest),
            e => new[] { bySection, byAuthor, onTag }.All(s => e.Any(n => n.Link == $"/articles/{s}")),
            _wait,
            "a later story on each topic");

        Assert.Contains($"new stories in {section}</label>", page, StringComparison.Ordinal);
        Assert.Contains($"new stories by {byline}</label>", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{tag}\" /> new stories on {tag}</label>", page, StringComparison.Ordinal);
        Assert.Contains($"new stories in {section}, new stories by {byline}, new stories on {tag}", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"<li>new stories on {tag}</li>", confirmPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [$"author:wanda-tide-{unique}", $"section:harbour-news-{unique}", $"tag:ferry-strikes-{unique}"],
            following.Order(StringComparer.Ordinal));
        Assert.Equal($"new-story:{second}", Assert.Single(inbox, n => n.Link == $"/articles/{second}").EventId);
        Assert.DoesNotContain(inbox, n => n.Link == $"/articles/{first}");
    }

    [Fact]
    public async Task ATagTheStoryLacks_IsRefusedWithTheReason_AndNothingIsSentOrFollowed()
    {
        var unique = Guid.NewGuid().ToString("n")[..8];
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("Tagged once.", tags: ["Ferries"]);
        var email = $"hux-{unique}@example.org";
        await using var guest = await CommentReader.ConnectAsync(newsroom.Server);
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, ada.Cookies);
        var mailsBefore = (await newsroom.MailDev.MailsAsync()).Count;
        var staffBefore = await staff.Hub.InvokeAsync<string[]>("Following");

        var guestRefused = await Assert.ThrowsAsync<HubException>(() => guest.Hub.InvokeAsync<JsonElement>(
            "Subscribe", slug, new { email, followUps = true, replies = false, updates = false, tags = new[] { "Ferries", "Politics" } }));
        var staffRefused = await Assert.ThrowsAsync<HubException>(() => staff.Hub.InvokeAsync<JsonElement>(
            "Subscribe", slug, new { email = (string?)null, followUps = true, replies = false, updates = false, section = true, tags = new[] { "tag:politics" } }));

        Assert.Contains("'Politics' is not a tag of this story; its tags are Ferries.", guestRefused.Message, StringComparison.Ordinal);
        Assert.Contains("'tag:politics' is not a tag of this story", staffRefused.Message, StringComparison.Ordinal);
        Assert.Equal(mailsBefore, (await newsroom.MailDev.MailsAsync()).Count);
        Assert.Equal(staffBefore, await staff.Hub.InvokeAsync<string[]>("Following"));
    }

    [Fact]
    public async Task Staff_ChoosingTheSection_FollowItAtOnce_ByItsTopicName()
    {
        var unique = Guid.NewGuid().ToString("n")[..8];
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("Across the water.", section: $"  Central   Asia {unique} ");
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, ada.Cookies);

        var answer = await staff.Hub.InvokeAsync<JsonElement>("Subscribe", slug, new { email = (string?)null, followUps = false, replies = false, updates = false, section = true });

        Assert.True(answer.GetProperty("following").GetBoolean());
        Assert.Contains($"section:central-asia-{unique}", await staff.Hub.InvokeAsync<string[]>("Following"));
    }

    private static async Task<IReadOnlyList<(string EventId, string Link)>> Entries(CommentReader guest)
    {
        var page = await guest.Hub.InvokeAsync<JsonElement>("Inbox", null, 50);
        return [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("notification")).Select(n => (n.GetProperty("eventId").GetString()!, n.GetProperty("link").GetString()!))];
    }
}
