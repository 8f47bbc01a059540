using System.Net;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>The moderation queue page: moderators get its first page in the server's HTML; no one else gets it.</summary>
public sealed class ModerationQueuePageTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    [Fact]
    public async Task AModerator_GetsTheHeldComment_AsSafeHtml_WithItsRuleStoryAndAuthor()
    {
        var slug = await PublishAsync("Polls close at ten");
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "<script>alert(1)</script> Where do I vote?", name: "Ana \"<b>\" Reader");
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");

        var html = await mona.Http.GetStringAsync("/moderation?show=awaiting-approval");

        Assert.Contains($"data-key=\"{slug}:{id:D12}\"", html, StringComparison.Ordinal);
        Assert.Contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; Where do I vote?</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("<bdi class=\"queue-author\">Ana &quot;&lt;b&gt;&quot; Reader</bdi>", html, StringComparison.Ordinal);
        Assert.Contains($"<a class=\"queue-headline\" href=\"/articles/{slug}#comment-{id}\">Polls close at ten</a>", html, StringComparison.Ordinal);
        Assert.Contains("<strong class=\"queue-rule\">New guest</strong>: <span class=\"queue-hold-reason\">0 of 2 comments approved so far.</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/moderation?show=awaiting-approval\" data-filter=\"awaiting-approval\" aria-current=\"page\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/moderation\">Moderation</a>", html, StringComparison.Ordinal);
        Assert.Contains("Their comments on this story: 0 published, 0 rejected or deleted", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReportedComment_IsShownUnderReported_AndNotUnderHeldByARule()
    {
        var slug = await PublishAsync();
        await CommentingGuest.TrustGuestsAsync(newsroom.Server, slug);
        var id = await CommentingGuest.PostAsync(newsroom.Server, slug, "Buy cheap watches here.");
        await using (var reader = await CommentReader.ConnectAsync(newsroom.Server))
        {
            await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync(reader.Hub, "ReportComment", slug, id, "Spam <b>here</b>.");
        }

        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var reported = await mona.Http.GetStringAsync("/moderation?show=reported");
        var byRule = await mona.Http.GetStringAsync("/moderation?show=held-by-rule");

        Assert.Contains($"data-key=\"{slug}:{id:D12}\"", reported, StringComparison.Ordinal);
        Assert.Contains("Reported once", reported, StringComparison.Ordinal);
        Assert.Contains("<li>Spam &lt;b&gt;here&lt;/b&gt;.</li>", reported, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-key=\"{slug}:{id:D12}\"", byRule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReporter_IsSentToSignIn_AsOnOtherStaffPages_AndSeesNoModerationLink()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var anonymous = newsroom.Server.CreateClient();

        var asRosa = await rosa.Http.GetAsync("/moderation");
        var asNobody = await anonymous.GetAsync("/moderation");
        var desk = await rosa.Http.GetStringAsync("/desk");

        Assert.Equal(HttpStatusCode.Redirect, asRosa.StatusCode);
        Assert.StartsWith("/signin", asRosa.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("queue-entry", await asRosa.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asNobody.StatusCode);
        Assert.StartsWith("/signin", asNobody.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("/moderation", desk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPartOfTheQueue_IsABadRequest_SayingWhichPartsThereAre()
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");

        var response = await mona.Http.GetAsync("/moderation?show=everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("expected one of pending, awaiting-approval, held-by-rule, reported, all", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> PublishAsync(string headline = "Count goes on through the night")
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.", headline);
        return slug;
    }
}
