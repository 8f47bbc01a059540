using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Articles.Storage;

namespace Newsroom.Grains.Tests.Articles;

public sealed class ArticleStorageTests(SharedAzurite storage)
{
    [Fact]
    public async Task PublishedVersions_LoadBackExactly_AndAStoredVersionIsNeverReplaced()
    {
        var versions = Services().GetRequiredService<IArticleVersionStore>();
        var slug = SharedAzurite.UniqueDraftId("astana-votes");
        var first = Version(1, "Astana votes", null);
        var second = Version(2, "Astana votes; turnout 61%", "[13,[0,\" more\"]]");

        await versions.SaveAsync(slug, first);
        await versions.SaveAsync(slug, second);
        await versions.SaveAsync(slug, second);
        var replaced = await Assert.ThrowsAsync<StoredVersionDiffersException>(() => versions.SaveAsync(slug, first with { Number = 2 }));

        Assert.Equivalent(first, await versions.LoadAsync(slug, 1), strict: true);
        Assert.Equivalent(second, await versions.LoadAsync(slug, 2), strict: true);
        Assert.Null(await versions.LoadAsync(slug, 3));
        Assert.Contains("already has a different version 2", replaced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StorySummaries_LoadBack_OneRowPerStory()
    {
        var stories = Services().GetRequiredService<IStoryStore>();
        var index = SharedAzurite.UniqueDraftId("index");
        var at = new DateTimeOffset(2026, 11, 30, 14, 32, 0, TimeSpan.Zero);
        var story = new StorySummary("astana-votes", "Astana votes", "Turnout is high.", "World", ["kazakhstan", "elections"], "Rosa Reporter", at, at.AddHours(1), false);

        await stories.SaveAsync(index, story);
        await stories.SaveAsync(index, story with { Withdrawn = true });

        var loaded = Assert.Single(await stories.LoadAsync(index));
        Assert.Equivalent(story with { Withdrawn = true }, loaded, strict: true);
    }

    private ServiceProvider Services() => new ServiceCollection()
        .AddNewsroomArticles(_ => storage.Blobs, _ => new TableServiceClient(storage.Azurite.ConnectionString))
        .BuildServiceProvider();

    private static ArticleVersion Version(int number, string headline, string? change) => new(
        number,
        new ArticleContent(headline, "Turnout is high.", "Polls close at 8pm.", "World", ["kazakhstan"], "Rosa Reporter"),
        "0123456789ab",
        number * 10,
        new DateTimeOffset(2026, 11, 30, 14, 32, number, TimeSpan.Zero),
        "Eddie Editor",
        number == 1 ? ArticleChangeKind.First : ArticleChangeKind.Correction,
        number == 1 ? "" : "Correction: the turnout.",
        change);
}
