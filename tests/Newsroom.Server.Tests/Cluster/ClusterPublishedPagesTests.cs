using Newsroom.Server.Tests.Publishing;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

/// <summary>Each silo keeps its own rendered reader pages; a publish through one silo empties them on every silo.</summary>
[Collection(ThreeSiloNewsroom.Collection)]
public sealed class ClusterPublishedPagesTests(ThreeSiloNewsroom newsroom)
{
    [Fact]
    public async Task AnUpdatePublishedThroughOneSilo_ReachesTheKeptPagesOfBoth()
    {
        // The cluster keeps pages an hour, far longer than the test: only the publish can empty them.
        var (first, second) = (newsroom[0], newsroom[1]);
        await using var desk = await PublishingDesk.OpenAsync(first);
        var (draftId, slug) = await desk.PublishAsync("Polling stations opened at eight.");
        using var readerOfFirst = first.CreateClient();
        using var readerOfSecond = second.CreateClient();
        foreach (var reader in new[] { readerOfFirst, readerOfSecond })
        {
            await reader.GetStringAsync($"/articles/{slug}");
            await KeptPages.ServedFromTheCache(reader, $"/articles/{slug}");
        }

        await desk.ReplaceBodyAsync(draftId, 1, "Polling stations opened at eight.", "Polling stations opened at seven.");
        await desk.Step(draftId, "update", "Correction: the stations opened at seven.", "correction");

        foreach (var reader in new[] { readerOfFirst, readerOfSecond })
        {
            await Eventually.Until(
                () => reader.GetStringAsync($"/articles/{slug}"),
                page => page.Contains("opened at seven", StringComparison.Ordinal),
                TimeSpan.FromSeconds(10),
                $"{reader.BaseAddress} to show the correction");
        }
    }
}
