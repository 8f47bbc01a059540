using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Cluster.GrainCluster;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>
/// Section, tags, byline and slug: last writer wins per property, validated (section 60, 20 tags of 40,
/// byline 200, slug 120 characters of lowercase words joined by hyphens), stored with the updates' batches and
/// published once durable.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DraftGrainMetadataTests(GrainCluster cluster)
{
    public static TheoryData<string, DraftMetadataChange, string> InvalidChanges => new()
    {
        { "section", new(Section: new string('s', 61)), "The section may be at most 60 characters long; got 61." },
        { "tags", new(Tags: [.. Enumerable.Range(0, 21).Select(i => $"tag{i}")]), "A draft may have at most 20 tags; got 21." },
        { "tag", new(Tags: [new string('t', 41)]), "The tag may be at most 40 characters long; got 41." },
        { "empty tag", new(Tags: ["budget", " "]), "A tag may not be empty." },
        { "byline", new(Byline: new string('b', 201)), "The byline may be at most 200 characters long; got 201." },
        { "line break", new(Byline: "Eddie\nEditor"), "The byline may not contain control characters such as line breaks." },
        { "slug", new(Slug: "Budget--2026"), "The slug 'Budget--2026' must be lowercase letters and digits in words joined by single hyphens, such as 'budget-2026-reaction'." },
        { "long slug", new(Slug: new string('a', 121)), "The slug may be at most 120 characters long; got 121." },
    };

    [Fact]
    public async Task SetMetadata_ChangesOnlyTheGivenProperties_AndEveryoneSeesIt()
    {
        var (id, draft) = await cluster.CreateDraft("Metadata");
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        var first = await draft.SetMetadata(new DraftMetadataChange(Section: "Politics", Tags: ["budget", "tax"], Byline: "Eddie Editor"), Eddie);
        var second = await draft.SetMetadata(new DraftMetadataChange(Section: "Business", Slug: "budget-2026-reaction"), Eddie);
        var seen = await relay.WaitFor<DraftMetadataChanged>(m => m.Metadata.Slug == "budget-2026-reaction");
        var view = await draft.Open("reader", Rosa);

        Assert.Equal("Politics", first.Section);
        Assert.Equal(("Business", "budget,tax", "Eddie Editor", "budget-2026-reaction"), Flat(second));
        Assert.Equal(Flat(second), Flat(seen.Metadata));
        Assert.Equal("Eddie Editor", seen.ChangedBy);
        Assert.Equal(Flat(second), Flat(view.Metadata));
        // Each change is its own durable batch, published under that batch's sequence.
        Assert.Equal([2L, 3L], relay.Events<DraftMetadataChanged>().Select(e => e.Version));
    }

    [Fact]
    public async Task Text_IsTrimmed_RepeatedTagsAreDroppedIgnoringCase_AndAnEmptyValueClearsIt()
    {
        var (_, draft) = await cluster.CreateDraft("Tidy");
        await draft.SetMetadata(new DraftMetadataChange(Section: "World", Byline: "Rosa"), Rosa);

        var tidied = await draft.SetMetadata(new DraftMetadataChange(Section: "  ", Tags: [" Budget ", "budget", "Tax"], Slug: " budget-2026 "), Rosa);

        Assert.Equal(("", "Budget,Tax", "Rosa", "budget-2026"), Flat(tidied));
    }

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public async Task InvalidMetadata_IsRefused_AndNothingChanges(string what, DraftMetadataChange change, string reason)
    {
        var (id, draft) = await cluster.CreateDraft("Metadata");
        await draft.SetMetadata(new DraftMetadataChange(Section: "World"), Rosa);
        await using var relay = await cluster.Listen(ChannelName.Draft(id));

        var refused = await Assert.ThrowsAsync<DraftException>(() => draft.SetMetadata(change, Rosa));
        // Anything the refused change had published would arrive before what the next one publishes.
        await draft.SetMetadata(new DraftMetadataChange(Byline: "After"), Rosa);
        await relay.WaitFor<DraftMetadataChanged>(m => m.Metadata.Byline == "After");

        Assert.Equal(reason, refused.Message);
        Assert.Equal([("World", "", "After", "")], relay.Events<DraftMetadataChanged>().Select(e => Flat(e.Event.Metadata)));
        Assert.Equal(("World", "", "After", ""), Flat((await draft.Open("reader", Rosa)).Metadata));
        Assert.True(cluster.Logs.Batches(id).Count == 3, $"{what}: a refused change must store nothing.");
    }

    private static (string Section, string Tags, string Byline, string Slug) Flat(DraftMetadata metadata) =>
        (metadata.Section, string.Join(",", metadata.Tags), metadata.Byline, metadata.Slug);
}
