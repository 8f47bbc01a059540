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

    [Fact]
    public async Task InlineComments_ThroughRandomUpdates_EitherQuoteTheirPassageOrSayItChanged_AndNoneIsLost()
    {
        // Seeded: a failure names its seed. Each story gets three random updates, with comments made on every version.
        var (followed, changed) = (0, 0);
        for (var seed = 1; seed <= 8; seed++)
        {
            var random = new Random(seed);
            var bodies = new List<string> { Sentences(random, 12) };
            var (slug, thread) = await Story(cluster, bodies[0]);
            var posted = new List<long>();
            for (var version = 1; version <= 4; version++)
            {
                for (var k = 0; k < 3; k++)
                {
                    var on = random.Next(1, version + 1);
                    var body = bodies[on - 1];
                    var from = random.Next(0, body.Length - 12);
                    var to = from + random.Next(4, 12);
                    var selection = new CommentAnchorRequest(on, from, to, body[from..to]);
                    if (!string.IsNullOrWhiteSpace(selection.Quote))
                    {
                        posted.Add((await thread.Post(new CommentPost(_aigerim, $"Note {version}.{k}", null, selection))).Comment.Id);
                    }
                }

                if (version < 4)
                {
                    bodies.Add(Edit(random, bodies[^1]));
                    await Update(cluster, slug, bodies[^1]);
                }
            }

            await cluster.Deactivate(thread);
            var page = await thread.GetPage(new CommentPageQuery(CommentSort.Oldest, PageSize: 100, InlineOnly: true));

            Assert.True(posted.SequenceEqual(page.Comments.Select(c => c.Id)), $"seed {seed}: comments lost");
            foreach (var passage in page.Comments.Select(c => c.Passage!))
            {
                Assert.True(passage.Version == 4, $"seed {seed}: a passage was left at version {passage.Version}");
                Assert.True(
                    passage.Changed || bodies[^1][passage.From!.Value..passage.To!.Value] == passage.Quote,
                    $"seed {seed}: '{passage.Quote}' is not at {passage.From}..{passage.To} and not marked changed");
                (followed, changed) = passage.Changed ? (followed, changed + 1) : (followed + 1, changed);
            }
        }

        // Both outcomes happened, so neither check above was vacuous.
        Assert.True(followed > 10 && changed > 3, $"followed {followed}, changed {changed}");
    }

    private static string Sentences(Random random, int count) =>
        string.Join(" ", Enumerable.Range(0, count).Select(_ => $"The {Word(random)} said {Word(random)} {random.Next(10, 99)} times."));

    private static string Word(Random random) => new[] { "mayor", "count", "queue", "poll", "river", "station", "vote", "desk" }[random.Next(8)];

    /// <summary>A few random deletions, insertions and replacements, as an editor's update might make.</summary>
    private static string Edit(Random random, string body)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            var at = random.Next(0, body.Length - 20);
            body = random.Next(3) switch
            {
                0 => body.Remove(at, random.Next(1, 15)),
                1 => body.Insert(at, $" {Word(random)} "),
                _ => body.Remove(at, random.Next(1, 8)).Insert(at, Word(random)),
            };
        }

        return body;
    }

    private static CommentPost About(int version, string passage, string text)
    {
        var from = Body.IndexOf(passage, StringComparison.Ordinal);
        return new CommentPost(_aigerim, text, null, new CommentAnchorRequest(version, from, from + passage.Length, passage));
    }
}
