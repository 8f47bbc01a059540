using Azure.Storage.Blobs;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Drafts.DraftLogSamples;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>Restarts its own Azurite, so it does not share the assembly's.</summary>
public sealed class BlobDraftLogRestartTests
{
    [Fact]
    public async Task TheLog_SurvivesAStorageRestart_AndTakesAppendsAfterIt()
    {
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        var draft = SharedAzurite.UniqueDraftId("restart");
        var log = Factory(new BlobServiceClient(azurite.ConnectionString)).Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 5));
        var snapshot = Snapshot(5, "xxxxx");
        await log.WriteSnapshotAsync(snapshot);
        await log.AppendAllAsync(TypingFrom(6, 7));

        await azurite.StopGracefullyAsync();
        await azurite.RestartAsync();

        // The writer that was active before the outage goes on where it was.
        await log.AppendAsync(Typing(8, length: 7));
        var reopened = Factory(new BlobServiceClient(azurite.ConnectionString)).Open(draft);
        var loaded = await reopened.LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        AssertBatches(TypingFrom(6, 8), loaded.Batches);

        await reopened.AppendAsync(Typing(9, length: 8));
        await azurite.StopGracefullyAsync();
        await azurite.RestartAsync();
        AssertBatches(TypingFrom(6, 9), (await Factory(new BlobServiceClient(azurite.ConnectionString)).Open(draft).LoadAsync()).Batches);
    }
}
