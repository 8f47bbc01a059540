using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Grains.Desk;

namespace Newsroom.Grains.Tests.Desk;

/// <summary>The desk's drafts, a row each, against a private Azurite: what is saved loads back, however many.</summary>
public sealed class TableDeskDraftStoreTests(SharedAzurite storage)
{
    private static readonly DateTimeOffset _noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SavedDrafts_LoadBackWithoutTheirEditors_AndASecondSaveReplacesTheFirst()
    {
        var store = Store();
        var desk = UniqueDesk();
        var editor = new DraftEditorBadge("rosa", "Rosa Reporter", "RR", "#c0392b");

        await store.SaveAsync(desk, new DraftSummary("aaaaaaaaaaaa", "Floods close the coast road", _noon, "Rosa Reporter", [editor]));
        await store.SaveAsync(desk, new DraftSummary("bbbbbbbbbbbb", "", null, null, []));
        await store.SaveAsync(desk, new DraftSummary("aaaaaaaaaaaa", "Floods close the coast road again", _noon.AddMinutes(5), "Eddie Editor", []));
        var loaded = (await store.LoadAsync(desk)).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        Assert.Equal(2, loaded.Count);
        Assert.Equal(("aaaaaaaaaaaa", "Floods close the coast road again", _noon.AddMinutes(5), "Eddie Editor"), (loaded[0].Id, loaded[0].Headline, loaded[0].LastChangedAt, loaded[0].LastChangedBy));
        Assert.Empty(loaded[0].Editors);
        Assert.Equal(("bbbbbbbbbbbb", "", (DateTimeOffset?)null, (string?)null), (loaded[1].Id, loaded[1].Headline, loaded[1].LastChangedAt, loaded[1].LastChangedBy));
    }

    [Fact]
    public async Task Desks_DoNotSeeEachOthersDrafts()
    {
        var store = Store();
        var (world, sport) = (UniqueDesk(), UniqueDesk());

        await store.SaveAsync(world, new DraftSummary("cccccccccccc", "Summit ends", _noon, "Rosa Reporter", []));

        Assert.Single(await store.LoadAsync(world));
        Assert.Empty(await store.LoadAsync(sport));
    }

    [Fact]
    public async Task MoreDraftsThanOneGrainStateRowCouldHold_AllLoadBack()
    {
        // 4,000 summaries with 200-character headlines: about 1 MiB, an Azure Table row's limit, and more
        // than one page of a query (1,000 rows).
        var store = Store();
        var desk = UniqueDesk();
        var drafts = Enumerable.Range(0, 4_000)
            .Select(i => new DraftSummary($"{i:x12}", new string((char)('a' + (i % 26)), DraftSummary.MaxHeadlineLength), _noon.AddSeconds(i), "Rosa Reporter", []))
            .ToList();

        await Parallel.ForEachAsync(drafts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (draft, cancel) => await store.SaveAsync(desk, draft, cancel));
        var loaded = await store.LoadAsync(desk);

        Assert.Equal(drafts.Count, loaded.Count);
        Assert.Equal(drafts.Select(d => (d.Id, d.Headline)).Order(), loaded.Select(d => (d.Id, d.Headline)).Order());
    }

    private IDeskDraftStore Store()
    {
        var provider = new ServiceCollection()
            .AddNewsroomDeskStorage(_ => new TableServiceClient(storage.Azurite.ConnectionString))
            .BuildServiceProvider();
        return provider.GetRequiredService<IDeskDraftStore>();
    }

    private static string UniqueDesk() => $"desk-{Guid.NewGuid():n}";
}
