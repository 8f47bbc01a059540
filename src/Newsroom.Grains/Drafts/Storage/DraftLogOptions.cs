namespace Newsroom.Grains.Drafts.Storage;

/// <summary>
/// Where and how <see cref="BlobDraftLogFactory"/> keeps draft logs. Layout, for a draft <c>{id}</c>:
/// <list type="bullet">
/// <item><c>{LogContainer}/{id}/log-{segment:D8}</c>: append blobs, JSON lines, one block per line: a batch,
/// a reference to a batch too large for one block, or, last in a closed segment, the number of the next one.</item>
/// <item><c>{LogContainer}/{id}/batch-{sequence:D12}-{unique}.json</c>: block blobs, batches larger than
/// <see cref="MaxBlockBytes"/> (see there).</item>
/// <item><c>{SnapshotContainer}/{id}/snapshot-{sequence:D12}.json</c>: block blobs, each naming the segment its
/// following batches start in.</item>
/// <item><c>{SnapshotContainer}/{id}/latest.json</c>: the sequence of the newest snapshot, so a load reads one
/// small blob instead of listing every snapshot the draft ever had.</item>
/// </list>
/// </summary>
public sealed class DraftLogOptions
{
    public const string Section = "Newsroom:Drafts:Storage";

    /// <summary>Azure's limit on the committed blocks of one append blob.</summary>
    public const int AzureMaxBlocksPerAppendBlob = 50_000;

    public string LogContainer { get; set; } = "draft-logs";

    public string SnapshotContainer { get; set; } = "draft-snapshots";

    /// <summary>
    /// Blocks a segment may hold before the log rolls to the next one, counting the closing line, so a segment
    /// holds at most this many minus one batches. At most <see cref="AzureMaxBlocksPerAppendBlob"/>; the default
    /// leaves headroom under it.
    /// </summary>
    public int MaxBlocksPerSegment { get; set; } = 40_000;

    /// <summary>
    /// The largest line written as one append block. A batch whose line is larger is written, whole, to its own
    /// block blob (an atomic upload) and the log gets a short line that refers to it: splitting one batch over
    /// several append blocks could leave half a batch behind a crash, and refusing it would make group commit
    /// fail on a large paste. 4 MiB is the block limit of older Azure Storage API versions (newer ones take 100 MiB).
    /// </summary>
    public int MaxBlockBytes { get; set; } = 4 * 1024 * 1024;
}
