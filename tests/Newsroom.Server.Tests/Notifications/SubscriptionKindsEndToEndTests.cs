using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// Issue 12's subscription kinds end to end, one test each: the real event (a comment, a publication, a workflow step,
/// a typed @mention, a held comment) reaches the subscriber's open tab, their inbox and their mailbox through SMTP.
/// Each test has a subscriber of its own (<see cref="SubscribersNewsroom"/>), so what they are told is that test's
/// alone; where the subscriber also acts, a later event they are told of shows their own action told them nothing.
/// </summary>
public sealed class SubscriptionKindsEndToEndTests(SubscribersNewsroom newsroom) : IClassFixture<SubscribersNewsroom>
{
    private const string Body = "The ferry timetable changes on Monday.";

    private NewsroomServer Server => newsroom.Server;

    [Fact]
    public async Task FollowUpComment_ReachesTheFollower_ButNotForTheirOwnComment()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (_, slug) = await desk.PublishAsync(Body, "Ferry timetable changes");
        await CommentingGuest.TrustGuestsAsync(Server, slug);
        await using var fiona = await ListeningSubscriber.OpenAsync(newsroom, "fiona");
        await fiona.FollowAsync($"follow-ups:{slug}");

        var own = await fiona.CommentAsync(slug, "Does the early boat still run?");
        var guests = await CommentingGuest.PostAsync(Server, slug, "It does, at 6:10.", name: "Gus Guest");

        await fiona.AssertToldLiveAndInInboxAsync("follow-up-comment", "New comment on “Ferry timetable changes”", $"/articles/{slug}#comment-{guests}");
        await fiona.AssertNotInInboxAsync(n => ListeningSubscriber.Of(n, "link") == $"/articles/{slug}#comment-{own}", "her own comment");
        await fiona.AssertMailedAsync("New comment on “Ferry timetable changes”", $"/articles/{slug}#comment-{guests}");
    }

    [Fact]
    public async Task ReplyToMyComment_ReachesTheCommenterAnswered()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (_, slug) = await desk.PublishAsync(Body, "Harbour wall repaired");
        await CommentingGuest.TrustGuestsAsync(Server, slug);
        await using var rhys = await ListeningSubscriber.OpenAsync(newsroom, "rhys");
        var question = await rhys.CommentAsync(slug, "Who paid for it?");

        var answer = await CommentingGuest.PostAsync(Server, slug, "The port authority.", replyTo: question, name: "Rita Replier");

        await rhys.AssertToldAsync("reply-to-my-comment", "Rita Replier replied to your comment", $"/articles/{slug}#comment-{answer}");
    }

    [Fact]
    public async Task ReplyToFollowedComment_ReachesWhoFollowsThatComment()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (_, slug) = await desk.PublishAsync(Body, "Lighthouse open to visitors");
        await CommentingGuest.TrustGuestsAsync(Server, slug);
        var question = await CommentingGuest.PostAsync(Server, slug, "Is it open on Sundays?", name: "Quinn Asker");
        await using var rory = await ListeningSubscriber.OpenAsync(newsroom, "rory");
        await rory.FollowAsync($"replies:{slug}:{question}");

        var answer = await CommentingGuest.PostAsync(Server, slug, "Sundays from noon.", replyTo: question, name: "Bea Answer");

        await rory.AssertToldAsync("reply-to-followed-comment", "Bea Answer replied to a comment you follow", $"/articles/{slug}#comment-{answer}");
    }

    [Theory]
    [InlineData("uma", "update", "story-updated", "Updated")]
    [InlineData("cora", "correction", "story-corrected", "Corrected")]
    public async Task StoryUpdatedOrCorrected_ReachesTheStorysFollowers(string userName, string change, string kind, string titled)
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var headline = $"Bridge reopens ({change})";
        var (draftId, slug) = await desk.PublishAsync(Body, headline);
        await using var subscriber = await ListeningSubscriber.OpenAsync(newsroom, userName);
        await subscriber.FollowAsync($"story:{slug}");

        await desk.ReplaceBodyAsync(draftId, 1, Body, Body + " Tickets cost more.");
        await desk.Step(draftId, "update", "Fares were added.", change);

        await subscriber.AssertToldAsync(kind, $"{titled}: {headline}", $"/articles/{slug}");
    }

    [Theory]
    [InlineData("sid", "section:harbour-news", "new-story-in-section", "in Harbour News")]
    [InlineData("tara", "tag:tide-tables", "new-story-on-tag", "on Tide Tables")]
    [InlineData("abe", "author:lena-lighthouse", "new-story-by-author", "by Lena Lighthouse")]
    public async Task NewStory_ReachesFollowersOfItsSectionTagOrAuthor(string userName, string topic, string kind, string where)
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        await using var subscriber = await ListeningSubscriber.OpenAsync(newsroom, userName);
        await subscriber.FollowAsync(topic);
        var headline = $"Spring tides ({userName})";

        // Each story is in one followed place only, so each subscriber is told by their own test alone.
        var (_, slug) = topic.Split(':')[0] switch
        {
            "section" => await desk.PublishAsync(Body, headline, section: "Harbour News"),
            "tag" => await desk.PublishAsync(Body, headline, tags: ["Tide Tables"]),
            _ => await desk.PublishAsync(Body, headline, byline: "Lena Lighthouse"),
        };

        await subscriber.AssertToldAsync(kind, $"New {where}: {headline}", $"/articles/{slug}");
    }

    [Fact]
    public async Task DraftStatusChanged_ReachesTheDraftsFollower_ButNotForTheirOwnStep()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (draftId, _) = await desk.WriteAsync(Body, "Ferry fares rise");
        await using var dana = await ListeningSubscriber.OpenAsync(newsroom, "dana");
        await dana.FollowAsync($"draft:{draftId}");

        await desk.Step(draftId, "submit", who: desk.Reporter);
        await dana.AssertToldAsync("draft-status-changed", "In review: Ferry fares rise", $"/drafts/{draftId}");
        await dana.Hub.InvokeAsync<JsonElement>("TakeStep", draftId, "approve", null, null);
        await desk.Step(draftId, "publish");

        await dana.AssertToldLiveAndInInboxAsync("draft-published", "Published: Ferry fares rise", $"/drafts/{draftId}");
        await dana.AssertNotInInboxAsync(n => ListeningSubscriber.Of(n, "title") == "Approved: Ferry fares rise", "her own approval");
        await dana.AssertMailedAsync("Published: Ferry fares rise", $"/drafts/{draftId}");
    }

    [Fact]
    public async Task DraftPublished_ReachesTheDraftsFollower()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (draftId, _) = await desk.WriteAsync(Body, "Night buses return");
        await using var pia = await ListeningSubscriber.OpenAsync(newsroom, "pia");
        await pia.FollowAsync($"draft:{draftId}");

        // Each step's email is out before the next step, so the publication comes alone rather than in a digest. (A
        // follower who joins after a step may still be told of it: the step reaches the draft's followers one-way.)
        await desk.Step(draftId, "submit", who: desk.Reporter);
        await pia.AssertToldAsync("draft-status-changed", "In review: Night buses return", $"/drafts/{draftId}");
        await desk.Step(draftId, "approve");
        await pia.AssertToldAsync("draft-status-changed", "Approved: Night buses return", $"/drafts/{draftId}");
        await desk.Step(draftId, "publish");

        await pia.AssertToldAsync("draft-published", "Published: Night buses return", $"/drafts/{draftId}");
    }

    [Fact]
    public async Task DraftAssigned_ReachesTheAssignee()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (draftId, _) = await desk.WriteAsync(Body, "Pier lights fixed");
        await using var asa = await ListeningSubscriber.OpenAsync(newsroom, "asa");

        await desk.Editor.InvokeAsync<JsonElement>("Assign", draftId, "asa");

        await asa.AssertToldAsync("draft-assigned", "Assigned to you: Pier lights fixed", $"/drafts/{draftId}");
    }

    [Fact]
    public async Task Mentioned_ReachesWhoTheDraftsTextNames_OnceItSettles()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        await using var mia = await ListeningSubscriber.OpenAsync(newsroom, "mia");

        var (draftId, _) = await desk.WriteAsync("Ask @mia for the tide tables.", "Tide tables printed");

        await mia.AssertToldAsync("mentioned", "Rosa Reporter mentioned you in “Tide tables printed”", $"/drafts/{draftId}");
    }

    [Fact]
    public async Task CommentOnMyStory_ReachesItsWriter_ButNotForTheirOwnComment()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server, reporter: SubscribersNewsroom.Account("wes"));
        await using var wes = await ListeningSubscriber.OpenAsync(newsroom, "wes");
        var (_, slug) = await desk.PublishAsync(Body, "Ferry crew honoured");
        await CommentingGuest.TrustGuestsAsync(Server, slug);

        var own = await wes.CommentAsync(slug, "Photos to follow.");
        var guests = await CommentingGuest.PostAsync(Server, slug, "Well deserved.", name: "Gus Guest");

        await wes.AssertToldLiveAndInInboxAsync("comment-on-my-story", "New comment on your story “Ferry crew honoured”", $"/articles/{slug}#comment-{guests}");
        await wes.AssertNotInInboxAsync(n => ListeningSubscriber.Of(n, "link") == $"/articles/{slug}#comment-{own}", "his own comment");
        await wes.AssertMailedAsync("New comment on your story “Ferry crew honoured”", $"/articles/{slug}#comment-{guests}");
    }

    [Fact]
    public async Task CommentAwaitingModeration_ReachesModeratorsFollowingTheQueue()
    {
        await using var desk = await PublishingDesk.OpenAsync(Server);
        var (_, slug) = await desk.PublishAsync(Body, "Harbour fees debated");
        await using var max = await ListeningSubscriber.OpenAsync(newsroom, "max");
        await max.FollowAsync("moderation");

        // The site holds a new guest's first comments for a moderator (the other tests trust guests first, so this
        // is the only comment that waits).
        await CommentingGuest.PostAsync(Server, slug, "Fees are too high.", name: "Hal Held");

        await max.AssertToldAsync("comment-awaiting-moderation", "A comment waits for approval: Hal Held", "/moderation");
    }
}
