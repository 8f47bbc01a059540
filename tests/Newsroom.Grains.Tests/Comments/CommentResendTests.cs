using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Comments.Storage;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// A reader's page sends each comment with a key of its own and sends it again, with the same key, when it was not
/// answered (storage busy, a lost connection): the comment is stored once, and the resend is answered with it.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class CommentResendTests(GrainCluster cluster, SharedAzurite storage)
{
    private static readonly CommentWriter _aigerim = Guest("Aigerim");
    private static readonly CommentWriter _bolat = Guest("Bolat");

    [Fact]
    public async Task AResend_IsAnsweredWithTheCommentAlreadyStored_AlsoByAFreshActivation()
    {
        var (slug, thread) = await Story(cluster);
        var post = new CommentPost(_aigerim, "Polls closed at eight.", Key: Key());
        var first = await thread.Post(post);
        var rows = await Rows(storage, slug);

        var again = await thread.Post(post);
        await cluster.Deactivate(thread);
        var afterRestart = await thread.Post(post);

        var check = await thread.CheckBeforePosting(post);

        Assert.Equal((ModerationOutcome.Publish, null), (check.Outcome, check.Message));
        Assert.Equal(first.Comment.Id, again.Comment.Id);
        Assert.Equal(first.Comment.Id, afterRestart.Comment.Id);
        Assert.Equal(("Polls closed at eight.", true), (afterRestart.Comment.Text, afterRestart.Comment.IsMine));
        Assert.Equal(rows, await Rows(storage, slug));
        Assert.Equal(1, (await thread.GetPage(new CommentPageQuery())).PublishedCount);
    }

    [Fact]
    public async Task TheSameKey_FromAnotherWriter_OrAnotherKey_IsAnotherComment()
    {
        var (_, thread) = await Story(cluster);
        var key = Key();
        var hers = await thread.Post(new CommentPost(_aigerim, "Counting has begun.", Key: key));
        var his = await thread.Post(new CommentPost(_bolat, "Counting has begun.", Key: key));
        var hersAgain = await thread.Post(new CommentPost(_aigerim, "Counting has begun here too.", Key: Key()));

        Assert.Equal([hers.Comment.Id, hers.Comment.Id + 1, hers.Comment.Id + 2], [hers.Comment.Id, his.Comment.Id, hersAgain.Comment.Id]);
        Assert.Equal(3, (await thread.GetPage(new CommentPageQuery())).PublishedCount);
    }

    [Fact]
    public async Task APostWhoseWriteFailed_IsStoredOnceWhenSentAgain()
    {
        var (slug, thread) = await Story(cluster);
        var stored = await thread.Say(_bolat, "First.");
        var post = new CommentPost(_aigerim, "Sent while storage was down.", Key: Key());

        cluster.Comments.FailNextWrite(slug, new IOException("The storage account did not answer."));
        await Assert.ThrowsAsync<StorageBusyException>(() => thread.Post(post));
        var resent = await thread.Post(post);
        var resentAgain = await thread.Post(post);

        Assert.Equal(stored.Comment.Id + 1, resent.Comment.Id);
        Assert.Equal(resent.Comment.Id, resentAgain.Comment.Id);
        var page = await thread.GetPage(new CommentPageQuery());
        Assert.Equal(["Sent while storage was down.", "First."], page.Comments.Select(c => c.Text));
    }

    [Fact]
    public async Task AnIdTakenByAnotherActivation_IsNotOverwritten_ThePostIsAnsweredBusy_AndItsResendTakesTheNextId()
    {
        var (slug, thread) = await Story(cluster);
        var first = await thread.Say(_bolat, "First.");
        // A second activation of the thread (Orleans may make one while a killed silo's grains are placed again) posts
        // the next id, as this one does not know.
        var store = new ServiceCollection()
            .AddNewsroomComments(_ => new TableServiceClient(storage.Azurite.ConnectionString))
            .BuildServiceProvider()
            .GetRequiredService<ICommentStore>();
        var taken = first.Comment.Id + 1;
        var theirs = new Comment(taken, null, 1, CommentAuthor.Guest("guest-elsewhere", "Elsewhere"), "Posted by the other activation.", DateTimeOffset.UtcNow, CommentStatus.Published);
        await store.WriteAsync(slug, new CommentWrite(new CommentThreadMeta(taken, first.ChannelVersion + 1, 0, CommentSettingsOverrides.None))
        {
            Discussion = taken,
            NewComments = [new StoredComment(theirs, null, null)],
        });
        var post = new CommentPost(_aigerim, "Posted here meanwhile.", Key: Key());

        await Assert.ThrowsAsync<StorageBusyException>(() => thread.Post(post));
        var resent = await thread.Post(post);

        Assert.Equal(taken + 1, resent.Comment.Id);
        var texts = (await thread.GetPage(new CommentPageQuery(Sort: CommentSort.Oldest))).Comments.Select(c => c.Text);
        Assert.Equal(["First.", "Posted by the other activation.", "Posted here meanwhile."], texts);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it")]
    [InlineData("<script>alert(1)</script>")]
    public async Task AMalformedKey_IsRefused_AndNothingIsStored(string key)
    {
        var (slug, thread) = await Story(cluster);
        var rows = await Rows(storage, slug);

        var refused = await Assert.ThrowsAsync<CommentException>(() => thread.Post(new CommentPost(_aigerim, "A comment.", Key: key)));

        Assert.Equal("A comment's key is 8 to 64 letters, digits, '-' or '_'.", refused.Message);
        Assert.Equal(rows, await Rows(storage, slug));
    }

    private static string Key() => Guid.NewGuid().ToString("n");
}
