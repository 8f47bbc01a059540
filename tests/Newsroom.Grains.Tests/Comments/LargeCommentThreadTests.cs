using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Comments.Storage;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// A thread of 10,000 comments: a fresh activation loads it from its rows, and paging walks every comment once, in
/// order, end to end. Prints the activation and post round-trip figures (a measurement, not a timed test).
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class LargeCommentThreadTests(GrainCluster cluster, SharedAzurite storage, ITestOutputHelper output)
{
    private const int Comments = 10_000;

    [Fact]
    public async Task ATenThousandCommentThread_LoadsOnAFreshActivation_AndPagesEndToEnd()
    {
        var (slug, thread) = await Story(cluster);
        var meta = CommentThreadMeta.Empty with { LastId = Comments, Overrides = new CommentSettingsOverrides { GuestApprovalsBeforeTrust = 0 } };
        await Seed(slug, meta);
        await cluster.Deactivate(thread);

        var clock = Stopwatch.StartNew();
        var first = await thread.GetPage(new CommentPageQuery());
        var activation = clock.Elapsed;

        var topLevel = new List<long>();
        var replies = 0;
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await thread.GetPage(new CommentPageQuery(CommentSort.Newest, cursor, PageSize: CommentPageRequest.MaxPageSize));
            topLevel.AddRange(page.Comments.Select(c => c.Id));
            replies += page.Comments.Sum(c => c.Replies.Count);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(Comments, first.PublishedCount);
        Assert.Equal(CommentPageRequest.DefaultPageSize, first.Comments.Count);
        Assert.Equal(Comments - (Comments / 10), topLevel.Count);
        Assert.Equal(topLevel.OrderDescending(), topLevel);
        Assert.Equal(Comments / 10, replies);
        Assert.Equal(90, pages);

        var roundTrips = new List<double>();
        for (var i = 0; i < 30; i++)
        {
            clock.Restart();
            await thread.Say(Eddie, $"Desk note {i} on a long thread.");
            roundTrips.Add(clock.Elapsed.TotalMilliseconds);
        }

        roundTrips.Sort();
        Assert.Equal(Comments + 30, (await thread.GetPage(new CommentPageQuery())).PublishedCount);
        output.WriteLine(
            $"comments: activation of a {Comments}-comment thread {activation.TotalMilliseconds:0} ms; " +
            $"post round trip p50 {roundTrips[roundTrips.Count / 2]:0.0} ms, max {roundTrips[^1]:0.0} ms (30 posts)");
        Assert.True(activation < TimeSpan.FromSeconds(60), $"Activation took {activation.TotalSeconds:0.0} s.");
    }

    /// <summary>
    /// Writes the thread through the grain's own store, up to 99 comments and the meta row a transaction, each of
    /// discussions stored together: every tenth comment answers the one before it, the rest are on the story.
    /// </summary>
    private async Task Seed(string slug, CommentThreadMeta meta)
    {
        var store = new ServiceCollection()
            .AddNewsroomComments(_ => new TableServiceClient(storage.Azurite.ConnectionString))
            .BuildServiceProvider()
            .GetRequiredService<ICommentStore>();
        var at = cluster.Clock.GetUtcNow().AddHours(-1);
        var comments = Enumerable.Range(1, Comments).Select(i => new StoredComment(
            new Comment(
                i,
                i % 10 == 0 ? i - 1 : null,
                i % 10 == 0 ? 2 : 1,
                CommentAuthor.Guest($"guest-{i % 500}", $"Reader {i % 500}"),
                $"Comment {i}: " + new string('x', 180),
                at.AddMilliseconds(i),
                CommentStatus.Published),
            "0123456789abcdef",
            null)).ToList();
        var batches = comments
            .GroupBy(c => (c.Comment.ParentId ?? c.Comment.Id) / ICommentStore.DiscussionsPerPartition)
            .SelectMany(stored => stored.Chunk(99));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, cancel) =>
            await store.WriteAsync(slug, new CommentWrite(meta) { Discussion = batch[0].Comment.ParentId ?? batch[0].Comment.Id, Comments = batch }, cancel));
        await store.WriteAsync(slug, new CommentWrite(meta));
    }
}
