using Azure.Data.Tables;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>Stories to comment on, published straight through their article grain, and the people who comment.</summary>
internal static class CommentStories
{
    public static readonly CommentModerator Mona = new("mona", "Mona Moderator");

    public static readonly CommentWriter Eddie = CommentWriter.Staff("eddie", "Eddie Editor");

    public static string NewSlug() => $"story-{Guid.NewGuid():n}"[..20];

    public static CommentWriter Guest(string name) => CommentWriter.Guest($"guest-{name.ToLowerInvariant()}", name, $"{name.ToLowerInvariant()}@example.org");

    /// <summary>Publishes a story with this body and opens its thread; guests are trusted at once unless <paramref name="trustGuests"/> is false.</summary>
    public static async Task<(string Slug, ICommentThreadGrain Thread)> Story(GrainCluster cluster, string body = "Polls close at 8pm in Astana.", bool trustGuests = true)
    {
        var slug = NewSlug();
        await Publish(cluster, slug, body, ArticleChangeKind.First);
        var thread = cluster.Client.GetGrain<ICommentThreadGrain>(slug);
        if (trustGuests)
        {
            await thread.SetSettings(new CommentSettingsChange(GuestApprovalsBeforeTrust: 0), Mona);
        }

        return (slug, thread);
    }

    /// <summary>Publishes the next version of the story with this body (the article works out the body change).</summary>
    public static Task<ArticleView> Update(GrainCluster cluster, string slug, string body) => Publish(cluster, slug, body, ArticleChangeKind.Update);

    public static Task<PostedComment> Say(this ICommentThreadGrain thread, CommentWriter author, string text, long? replyTo = null) =>
        thread.Post(new CommentPost(author, text, replyTo));

    /// <summary>How many rows (comments, votes, ratings, decisions, reports) the story's partitions of table <c>comments</c> hold.</summary>
    public static async Task<int> Rows(SharedAzurite storage, string slug)
    {
        var table = new TableServiceClient(storage.Azurite.ConnectionString).GetTableClient("comments");
        await table.CreateIfNotExistsAsync();
        var count = 0;
        // A thread's partitions are "{slug}~thread" and "{slug}~d{n}"; each has a meta row of counters, not counted.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {slug + "~"} and PartitionKey lt {slug + "~~"} and RowKey ne {"meta"}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    private static Task<ArticleView> Publish(GrainCluster cluster, string slug, string body, ArticleChangeKind kind) =>
        cluster.Client.GetGrain<IArticleGrain>(slug).Publish(new ArticlePublication(
            $"draft-{slug}", 1, new ArticleContent("Kazakhstan votes", "", body, "World", [], "Rosa Reporter"), kind, "Updated.", "eddie", null));
}
