using Newsroom.Server.Tests.Publishing;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

/// <summary>Each silo keeps its own rendered reader pages; a publish through one silo empties them on every silo.</summary>
public sealed class ClusterPublishedPagesTests
{
    [Fact]
    public async Task AnUpdatePublishedThroughOneSilo_ReachesTheKeptPagesOfBoth()
    {
        await using var azurite = await Azurite.StartAsync();
        var cluster = new Dictionary<string, string?>
        {
            ["Newsroom__Cluster__Clustering"] = "AzureStorage",
            ["Newsroom__Cluster__ClusterId"] = "cluster-" + Guid.NewGuid().ToString("n")[..8],
            ["Newsroom__Cluster__AdvertisedAddress"] = "127.0.0.1",
            // Far longer than the test: only the publish can empty the pages.
            ["Newsroom__PublishedPages__MaxAge"] = "01:00:00",
        };
        await using var first = await NewsroomServer.StartAsync(azurite, cluster);
        await using var second = await NewsroomServer.StartAsync(azurite, cluster);
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
