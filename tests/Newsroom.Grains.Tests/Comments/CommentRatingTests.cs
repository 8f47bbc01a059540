using Newsroom.Core.Realtime;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>A story's star rating: one rating per reader, changeable, an exact aggregate, stored a row per reader.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CommentRatingTests(GrainCluster cluster, SharedAzurite storage)
{
    [Fact]
    public async Task EachReader_RatesOnce_ChangingTheirRatingMovesTheAggregate_AndItSurvivesAFreshActivation()
    {
        var (slug, thread) = await Story(cluster);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));

        await thread.Rate("guest-a", 5);
        await thread.Rate("guest-b", 3);
        await thread.Rate("guest-c", 4);
        var changed = await thread.Rate("guest-b", 4);
        await relay.WaitUntil(h => h.Count(e => e.Event is ArticleRatingChanged) == 4, "four rating events");
        await cluster.Deactivate(thread);
        var reloaded = await thread.GetRating("guest-b");

        Assert.Equal((13L, 3, 43, "4.3 · 3 votes", 4), (changed.TotalStars, changed.Count, changed.AverageTenths, changed.Text, changed.Mine));
        Assert.Equal(("4.3 · 3 votes", 4), (reloaded.Text, reloaded.Mine));
        Assert.Equal("4.3 · 3 votes", relay.Events<ArticleRatingChanged>()[^1].Event.Rating.Text);
        Assert.Equal(3, await Rows(storage, slug)); // three ratings
    }

    [Fact]
    public async Task RatingTheSameStarsAgain_StoresAndBroadcastsNothing()
    {
        var (slug, thread) = await Story(cluster);
        await thread.Rate("guest-a", 2);
        await using var relay = await cluster.Listen(ChannelName.Comments(slug));
        var rows = await Rows(storage, slug);

        var again = await thread.Rate("guest-a", 2);
        await thread.Rate("guest-z", 1);
        await relay.WaitFor<ArticleRatingChanged>();

        Assert.Equal("2.0 · 1 vote", again.Text);
        Assert.Equal(["1.5 · 2 votes"], relay.Events<ArticleRatingChanged>().Select(e => e.Event.Rating.Text));
        Assert.Equal(rows + 1, await Rows(storage, slug));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public async Task ARatingOutsideOneToFiveStars_IsRefused_AndStoresNothing(int stars)
    {
        var (slug, thread) = await Story(cluster);
        var rows = await Rows(storage, slug);

        var refused = await Assert.ThrowsAsync<CommentException>(() => thread.Rate("guest-a", stars));

        Assert.Equal($"A rating is 1 to 5 stars; got {stars}.", refused.Message);
        Assert.Equal(rows, await Rows(storage, slug));
        Assert.Equal("No ratings yet", (await thread.GetRating(null)).Text);
    }

    [Fact]
    public async Task RatingAStoryNeverPublished_IsRefused()
    {
        var slug = NewSlug();

        var refused = await Assert.ThrowsAsync<CommentException>(() => cluster.Client.GetGrain<ICommentThreadGrain>(slug).Rate("guest-a", 5));

        Assert.StartsWith("There is no published story", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Rows(storage, slug));
    }
}
