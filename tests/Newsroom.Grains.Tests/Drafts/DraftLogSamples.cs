using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Newsroom.Core.Changes;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Tests.Drafts;

/// <summary>Batches and snapshots to store, and comparisons that look at every stored value.</summary>
internal static class DraftLogSamples
{
    public static readonly DateTimeOffset Start = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(1));

    public static BlobDraftLogFactory Factory(BlobServiceClient blobs, int maxBlocksPerSegment = 40_000, int maxBlockBytes = 4 * 1024 * 1024) =>
        new(blobs, Options.Create(new DraftLogOptions { MaxBlocksPerSegment = maxBlocksPerSegment, MaxBlockBytes = maxBlockBytes }));

    /// <summary>A batch typing one character into the body at the end of a document of <paramref name="length"/>.</summary>
    public static DraftLogBatch Typing(long sequence, int length = 0, string client = "client-a") =>
        new(
            sequence,
            [new DraftLogEntry(DraftField.Body, (int)sequence, client, ChangeSet.FromJson($"[{length},[0,\"x\"]]").ToJson())],
            null,
            Start.AddMilliseconds(sequence));

    public static IEnumerable<DraftLogBatch> TypingFrom(long from, long to) =>
        Enumerable.Range((int)from, (int)(to - from + 1)).Select(s => Typing(s, length: s - 1));

    public static DraftSnapshot Snapshot(long sequence, string body, DraftMetadata? metadata = null) =>
        new(
            sequence,
            new Dictionary<DraftField, DraftFieldSnapshot>
            {
                [DraftField.Headline] = new(1, "Headline"),
                [DraftField.Body] = new((int)sequence, body),
            },
            metadata ?? DraftMetadata.Empty,
            Start.AddMinutes(sequence));

    public static async Task AppendAllAsync(this IDraftLog log, IEnumerable<DraftLogBatch> batches)
    {
        foreach (var batch in batches)
        {
            await log.AppendAsync(batch);
        }
    }

    public static void AssertBatches(IEnumerable<DraftLogBatch> expected, IReadOnlyList<DraftLogBatch> actual)
    {
        var wanted = expected.ToList();
        Assert.Equal(wanted.Select(b => b.Sequence), actual.Select(b => b.Sequence));
        foreach (var (want, got) in wanted.Zip(actual))
        {
            Assert.Equal(want.CommittedAt, got.CommittedAt);
            Assert.Equal(want.CommittedAt.Offset, got.CommittedAt.Offset);
            AssertMetadata(want.Metadata, got.Metadata);
            Assert.Equal(want.Updates.Count, got.Updates.Count);
            foreach (var (update, stored) in want.Updates.Zip(got.Updates))
            {
                // Ordinal comparison of the exact UTF-16 code units, lone surrogates included.
                Assert.Equal(update.Field, stored.Field);
                Assert.Equal(update.Version, stored.Version);
                Assert.Equal(update.ClientId.ToCharArray(), stored.ClientId.ToCharArray());
                Assert.Equal(update.ChangesJson.ToCharArray(), stored.ChangesJson.ToCharArray());
            }
        }
    }

    public static void AssertSnapshot(DraftSnapshot expected, DraftSnapshot? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.TakenAt, actual.TakenAt);
        AssertMetadata(expected.Metadata, actual.Metadata);
        Assert.Equal(expected.Fields.Keys.Order(), actual.Fields.Keys.Order());
        foreach (var (field, value) in expected.Fields)
        {
            Assert.Equal(value.Version, actual.Fields[field].Version);
            Assert.Equal(value.Text.ToCharArray(), actual.Fields[field].Text.ToCharArray());
        }
    }

    private static void AssertMetadata(DraftMetadata? expected, DraftMetadata? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Section.ToCharArray(), actual.Section.ToCharArray());
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Byline.ToCharArray(), actual.Byline.ToCharArray());
        Assert.Equal(expected.Slug, actual.Slug);
    }
}
