using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Comments.Storage;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// How a thread lies in table storage: a discussion's rows (a top-level comment, its replies, their votes) are stored
/// together, a hundred discussions to a partition, so a change is one transaction in a partition that does not grow
/// with the thread; the counters read back are the highest any partition holds, the settings the thread's own.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CommentStorageLayoutTests(GrainCluster cluster, SharedAzurite storage)
{
    private const string CommentsTable = "comments";

    private static readonly CommentWriter _aigerim = Guest("Aigerim");
    private static readonly CommentWriter _bolat = Guest("Bolat");

    [Fact]
    public async Task ThreadCounters_AreTheHighestOfAnyPartition_AndTheSettingsAreTheThreadPartitions()
    {
        var store = new ServiceCollection()
            .AddNewsroomComments(_ => new TableServiceClient(storage.Azurite.ConnectionString))
            .BuildServiceProvider()
            .GetRequiredService<ICommentStore>();
        var slug = NewSlug();
        var settings = new CommentSettingsOverrides { MinLength = 5 };
        await store.WriteAsync(slug, new CommentWrite(new CommentThreadMeta(0, 3, 0, settings)));
        await store.WriteAsync(slug, new CommentWrite(new CommentThreadMeta(250, 9, 2, settings)) { Discussion = 250, Comments = [Stored(250)] });
        // A later change in an earlier partition: it carries the counters as they are now, which only ever grow.
        await store.WriteAsync(slug, new CommentWrite(new CommentThreadMeta(250, 10, 2, CommentSettingsOverrides.None)) { Discussion = 1, Comments = [Stored(1)] });

        var loaded = await store.LoadAsync(slug);

        Assert.Equal((250L, 10L, 2L, (int?)5), (loaded.Meta.LastId, loaded.Meta.ChannelVersion, loaded.Meta.LastDecision, loaded.Meta.Overrides.MinLength));
        Assert.Equal([1L, 250L], loaded.Comments.Select(c => c.Comment.Id).Order());
        Assert.Equal([$"{slug}~d0000000000", $"{slug}~d0000000002", $"{slug}~thread"], await Partitions(slug));
    }

    [Fact]
    public async Task AReplyToAnEarlierDiscussion_IsStoredWithIt_SoItsDeletionWithTheDeletedParentIsOneChange()
    {
        var (slug, thread) = await Story(cluster);
        var first = await thread.Say(_bolat, "The first comment, in the first partition.");
        for (var i = 2; i <= ICommentStore.DiscussionsPerPartition; i++)
        {
            await thread.Say(_bolat, $"Comment {i} on the story.");
        }

        var reply = await thread.Say(_aigerim, "A late answer to the first comment.", first.Comment.Id);
        await thread.Delete(first.Comment.Id, _bolat.Id);
        var rows = await Rows(storage, slug);

        await thread.Delete(reply.Comment.Id, _aigerim.Id);
        await cluster.Deactivate(thread);
        var page = await thread.GetPage(new CommentPageQuery(CommentSort.Oldest));

        Assert.Equal(ICommentStore.DiscussionsPerPartition + 1, reply.Comment.Id);
        Assert.Equal(rows - 2, await Rows(storage, slug));
        Assert.Equal(ICommentStore.DiscussionsPerPartition - 1, page.PublishedCount);
        Assert.Equal(2, page.Comments[0].Id);
        Assert.Equal([$"{slug}~d0000000000", $"{slug}~d0000000001", $"{slug}~thread"], await Partitions(slug));
    }

    private static StoredComment Stored(long id) => new(
        new Comment(id, null, 1, CommentAuthor.Guest("guest-a", "A reader"), $"Comment {id}.", DateTimeOffset.UnixEpoch, CommentStatus.Published), null, null);

    private async Task<List<string>> Partitions(string slug)
    {
        var table = new TableServiceClient(storage.Azurite.ConnectionString).GetTableClient(CommentsTable);
        var partitions = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {slug} and PartitionKey lt {slug + "~~"}"), select: ["PartitionKey"]))
        {
            partitions.Add(row.PartitionKey);
        }

        return [.. partitions];
    }
}
