using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Newsroom.Grains.Drafts.Storage;
using static Newsroom.Grains.Tests.Drafts.DraftLogSamples;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>One writer per draft is the rule; these are the ways a second one (a duplicate activation) shows up.</summary>
public sealed class BlobDraftLogWriterTests(SharedAzurite storage)
{
    private readonly BlobServiceClient _blobs = storage.Blobs;

    [Fact]
    public async Task AStaleWriter_CannotAppend_AfterAnotherWriterHas()
    {
        var draft = SharedAzurite.UniqueDraftId("stale-append");
        var factory = Factory(_blobs);
        var (stale, current) = (factory.Open(draft), factory.Open(draft));
        await stale.LoadAsync();
        await stale.AppendAllAsync(TypingFrom(1, 3));
        await current.LoadAsync();
        await current.AppendAsync(Typing(4, length: 3, client: "current"));

        await Assert.ThrowsAsync<DraftLogConflictException>(() => stale.AppendAsync(Typing(4, length: 3, client: "stale")));
        await Assert.ThrowsAsync<DraftLogConflictException>(() => stale.AppendAsync(Typing(4, length: 3, client: "stale")));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertBatches([.. TypingFrom(1, 3), Typing(4, length: 3, client: "current")], loaded.Batches);
    }

    [Fact]
    public async Task AStaleWriter_CannotAppendToASegment_AnotherWriterClosedForASnapshot()
    {
        var draft = SharedAzurite.UniqueDraftId("stale-closed");
        var factory = Factory(_blobs);
        var (stale, current) = (factory.Open(draft), factory.Open(draft));
        await stale.LoadAsync();
        await stale.AppendAllAsync(TypingFrom(1, 3));
        await current.LoadAsync();

        // No batch after the stale writer's: only the closing line of the segment stands in its way.
        var snapshot = Snapshot(3, "xxx");
        await current.WriteSnapshotAsync(snapshot);
        await Assert.ThrowsAsync<DraftLogConflictException>(() => stale.AppendAsync(Typing(4, length: 3, client: "stale")));

        var loaded = await factory.Open(draft).LoadAsync();
        AssertSnapshot(snapshot, loaded.Snapshot);
        Assert.Empty(loaded.Batches);
    }

    [Fact]
    public async Task AStaleWriter_CannotPublishASnapshot_ThatSkipsAnotherWritersBatches()
    {
        var draft = SharedAzurite.UniqueDraftId("stale-snapshot");
        var factory = Factory(_blobs);
        var (stale, current) = (factory.Open(draft), factory.Open(draft));
        await stale.LoadAsync();
        await stale.AppendAllAsync(TypingFrom(1, 3));
        await current.LoadAsync();
        await current.AppendAsync(Typing(4, length: 3, client: "current"));

        await Assert.ThrowsAsync<DraftLogConflictException>(() => stale.WriteSnapshotAsync(Snapshot(3, "xxx")));

        var loaded = await factory.Open(draft).LoadAsync();
        Assert.Null(loaded.Snapshot);
        AssertBatches([.. TypingFrom(1, 3), Typing(4, length: 3, client: "current")], loaded.Batches);
    }

    [Fact]
    public async Task TwoWritersThatBothFindTheNextSegmentMissing_CannotBothStartIt()
    {
        var draft = SharedAzurite.UniqueDraftId("missing-segment");
        var factory = Factory(_blobs);
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 3));
        await log.WriteSnapshotAsync(Snapshot(3, "xxx"));
        await _blobs.GetBlobContainerClient("draft-logs").GetBlobClient($"{draft}/log-00000001").DeleteAsync();
        var (first, second) = (factory.Open(draft), factory.Open(draft));
        await first.LoadAsync();
        await second.LoadAsync();

        // Creating the segment must never start it over: that would erase the first writer's batch.
        await first.AppendAsync(Typing(4, length: 3, client: "first"));
        await Assert.ThrowsAsync<DraftLogConflictException>(() => second.AppendAsync(Typing(4, length: 3, client: "second")));

        AssertBatches([Typing(4, length: 3, client: "first")], (await factory.Open(draft).LoadAsync()).Batches);
    }

    [Fact]
    public async Task AnAppendWhoseResponseWasLost_AndRetriedByTheClient_IsStoredOnce()
    {
        var draft = SharedAzurite.UniqueDraftId("lost-response");
        var lose = new LoseOneAppendResponse();
        var options = new BlobClientOptions { Retry = { Delay = TimeSpan.FromMilliseconds(1), MaxRetries = 3 } };
        options.AddPolicy(lose, HttpPipelinePosition.PerRetry);
        var factory = Factory(new BlobServiceClient(storage.Azurite.ConnectionString, options));
        var log = factory.Open(draft);
        await log.LoadAsync();
        await log.AppendAllAsync(TypingFrom(1, 2));

        // The retry finds the position taken by its own first try, which did land.
        lose.Armed = true;
        await log.AppendAsync(Typing(3, length: 2));
        Assert.Equal(1, lose.Lost);
        await log.AppendAsync(Typing(4, length: 3));

        AssertBatches(TypingFrom(1, 4), (await Factory(_blobs).Open(draft).LoadAsync()).Batches);
    }

    /// <summary>Lets one append reach storage and then fails as if the connection dropped before the response.</summary>
    private sealed class LoseOneAppendResponse : HttpPipelinePolicy
    {
        public bool Armed { get; set; }

        public int Lost { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            LoseIfArmed(message);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            LoseIfArmed(message);
        }

        private void LoseIfArmed(HttpMessage message)
        {
            if (Armed && message.Request.Uri.Query.Contains("comp=appendblock", StringComparison.Ordinal))
            {
                Armed = false;
                Lost++;
                throw new IOException("The connection dropped before the response arrived.");
            }
        }
    }
}
