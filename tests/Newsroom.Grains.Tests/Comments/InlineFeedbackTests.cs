using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Comments.CommentStories;

namespace Newsroom.Grains.Tests.Comments;

/// <summary>
/// Comments on a passage: anchored to the version they were made on, followed through the story's updates (the
/// published versions' body changes), and kept, marked changed, when an update touches the passage.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class InlineFeedbackTests(GrainCluster cluster)
{
    private const string Body = "Polls opened at 8am. Turnout was 61 percent by noon. Results are due at midnight.";
    private static readonly CommentWriter _aigerim = Guest("Aigerim");

    [Fact]
    public async Task AnInlineComment_FollowsItsPassage_ThroughAnUpdateBeforeIt_AfterAFreshActivationToo()
    {
        var (slug, thread) = await Story(cluster, Body);
        var posted = await thread.Post(About(1, "Turnout was 61 percent", "Source?"));

        var updated = await Update(cluster, slug, "UPDATE: counting has begun. " + Body);
        await cluster.Deactivate(thread);
        var page = await thread.GetPage(new CommentPageQuery());

        var passage = Assert.Single(page.Comments).Passage!;
        Assert.Equal((1, 1, "Turnout was 61 percent"), (posted.Comment.Passage!.MadeOnVersion, posted.Comment.Passage.Version, posted.Comment.Passage.Quote));
        Assert.Equal((2, false), (passage.Version, passage.Changed));
        Assert.Equal("Turnout was 61 percent", updated.Current.Content.Body[passage.From!.Value..passage.To!.Value]);
        var passages = await thread.GetPassages();
        Assert.Equal((2, passage.From, passage.To, 1), (passages.Version, passages.Passages[0].From, (int?)passages.Passages[0].To, passages.Passages[0].Comments));
    }

    [Fact]
    public async Task APassageAnUpdateChanged_KeepsItsComment_SayingThePassageWasChanged()
    {
        var (slug, thread) = await Story(cluster, Body);
        await thread.Post(About(1, "Turnout was 61 percent", "That seems high."));
        await thread.Post(About(1, "Results are due at midnight", "Will they be late?"));

        await Update(cluster, slug, Body.Replace("61 percent", "58 percent", StringComparison.Ordinal));
        var page = await thread.GetPage(new CommentPageQuery(CommentSort.Oldest));

        var (changed, kept) = (page.Comments[0].Passage!, page.Comments[1].Passage!);
        Assert.Equal((true, 2, AnchoredPassage.ChangedNotice, "Turnout was 61 percent"), (changed.Changed, changed.ChangedInVersion, changed.ChangedNotice, changed.Quote));
        Assert.Null(changed.From);
        Assert.Equal((false, Body.IndexOf("Results", StringComparison.Ordinal)), (kept.Changed, kept.From));
        Assert.Equal("That seems high.", page.Comments[0].Text);
        Assert.Single((await thread.GetPassages()).Passages);
    }

    [Fact]
    public async Task AnInlineCommentOnAnOlderVersion_IsFollowedToTheLatest_AndTheFilterShowsOnlyInlineComments()
    {
        var (slug, thread) = await Story(cluster, Body);
        await Update(cluster, slug, Body + " Observers were present.");
        await thread.Say(_aigerim, "A general comment.");
        var onOld = await thread.Post(About(1, "Polls opened at 8am", "Early!"));
        await thread.Say(_aigerim, "Another general comment.");

        var inline = await thread.GetPage(new CommentPageQuery(InlineOnly: true, PageSize: 1));

        var only = Assert.Single(inline.Comments);
        Assert.Equal((onOld.Comment.Id, 2, 0, false), (only.Id, only.Passage!.Version, only.Passage.From, only.Passage.Changed));
        Assert.Null(inline.NextCursor);
        Assert.Equal(3, (await thread.GetPage(new CommentPageQuery())).Comments.Count);
    }

    [Theory]
    [InlineData(1, 0, 5, "Nope!", "The quoted text is not what version 1 says")]
    [InlineData(3, 0, 5, "Polls", "Version 3 of this story was never published")]
    [InlineData(1, 5, 5, "", "Select a passage of at least one character")]
    [InlineData(1, 0, 999, "x", "lies outside the story's text")]
    public async Task ASelectionThatIsNotInTheVersion_IsRefused(int version, int from, int to, string quote, string reason)
    {
        var (_, thread) = await Story(cluster, Body);

        var refused = await Assert.ThrowsAsync<CommentException>(() => thread.Post(new CommentPost(_aigerim, "About this.", null, new CommentAnchorRequest(version, from, to, quote))));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        Assert.Empty((await thread.GetPage(new CommentPageQuery())).Comments);
    }

    private static CommentPost About(int version, string passage, string text)
    {
        var from = Body.IndexOf(passage, StringComparison.Ordinal);
        return new CommentPost(_aigerim, text, null, new CommentAnchorRequest(version, from, from + passage.Length, passage));
    }
}
