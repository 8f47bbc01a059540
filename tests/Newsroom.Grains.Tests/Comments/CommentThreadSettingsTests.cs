using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// A thread's settings: the site's defaults from <c>Newsroom:Comments</c> (checked at start) with the article's own
/// choices over them, stored in the thread's meta row; pre-moderation and closing by age as readers meet them.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CommentThreadSettingsTests(GrainCluster cluster)
{
    private static readonly CommentWriter _aigerim = Guest("Aigerim");

    [Fact]
    public async Task AnArticlesOwnSettings_LieOverTheSitesDefaults_AndSurviveAFreshActivation()
    {
        var (_, thread) = await Story(cluster);

        await thread.SetSettings(new CommentSettingsChange(Mode: ModerationMode.PreModeration, MaxLength: 500, GuestApprovalsBeforeTrust: 0), Mona);
        await cluster.Deactivate(thread);
        var settings = await thread.GetSettings();

        Assert.Equal((ModerationMode.PreModeration, 500, 2, TimeSpan.FromMinutes(10)), (settings.Mode, settings.MaxLength, settings.MinLength, settings.EditWindow));
        Assert.Equal((ModerationMode.PreModeration, (int?)500, (int?)null), (settings.Overrides.Mode, settings.Overrides.MaxLength, settings.Overrides.MinLength));
        var refused = await Assert.ThrowsAsync<CommentException>(() => thread.Say(_aigerim, new string('a', 501)));
        Assert.Equal("A comment may be at most 500 characters long; this one has 501.", refused.Message);
    }

    [Fact]
    public async Task UnderPreModeration_AReadersCommentIsHeld_AndStaffCommentsAppear()
    {
        var (_, thread) = await Story(cluster);
        await thread.SetSettings(new CommentSettingsChange(Mode: ModerationMode.PreModeration, GuestApprovalsBeforeTrust: 0), Mona);

        var check = await thread.CheckBeforePosting(new CommentPost(_aigerim, "Is the count finished?"));
        var reader = await thread.Say(_aigerim, "Is the count finished?");
        var staff = await thread.Say(Eddie, "Not yet; we will update the story.");

        Assert.Equal((ModerationOutcome.Hold, false), (check.Outcome, check.RephrasingHelps));
        Assert.Equal((true, ModerationRule.PreModeration), (reader.Held, Assert.Single((await thread.AwaitingModeration(10)).Pending).HeldBy));
        Assert.False(staff.Held);
    }

    [Fact]
    public async Task AThreadThatClosesAfterADay_RefusesCommentsFromThenOn_SayingWhen()
    {
        var (_, thread) = await Story(cluster);
        await thread.SetSettings(new CommentSettingsChange(CloseAfterDays: 1, GuestApprovalsBeforeTrust: 0), Mona);
        var published = cluster.Clock.GetUtcNow();
        await thread.Say(_aigerim, "Just in time.");

        cluster.Clock.Advance(TimeSpan.FromDays(1));
        var refused = await Assert.ThrowsAsync<CommentException>(() => thread.Say(_aigerim, "Too late."));
        var page = await thread.GetPage(new CommentPageQuery());

        Assert.Equal($"Comments on this story closed on {CommentsOpening.Day(published.AddDays(1))}.", refused.Message);
        Assert.Equal((false, refused.Message), (page.Opening.IsOpen, page.Opening.Reason));
        Assert.Single(page.Comments);
    }

    [Fact]
    public void SiteDefaultsThatAreNotUsable_StopTheHostAtStart_NamingTheSetting()
    {
        var services = new ServiceCollection()
            .AddNewsroomComments(_ => new TableServiceClient("UseDevelopmentStorage=true"))
            .Configure<CommentOptions>(o => (o.MinLength, o.EditWindow) = (0, TimeSpan.FromDays(2)))
            .BuildServiceProvider();

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CommentOptions>>().Value);

        Assert.Contains("Newsroom:Comments: Minimum length must be 1..1000; got 0.", refused.Failures);
        Assert.Contains("Newsroom:Comments: Edit window must be 0 to 1440 minutes; got 2880 minutes.", refused.Failures);
    }
}
