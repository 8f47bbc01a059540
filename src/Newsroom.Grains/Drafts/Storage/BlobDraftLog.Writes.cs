using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Newsroom.Grains.Drafts.Storage;

internal sealed partial class BlobDraftLog
{
    private async Task AppendLineAsync(byte[] line, CancellationToken cancellationToken)
    {
        var blob = logs.GetAppendBlobClient(SegmentName(_segment));
        if (!_segmentExists)
        {
            // Never a plain create: on an existing blob that would start it over, empty.
            await blob.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _segmentExists = true;
        }

        try
        {
            using var stream = new MemoryStream(line, writable: false);
            var appended = await blob.AppendBlockAsync(
                stream,
                new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = _position } },
                cancellationToken);
            _blocks = appended.Value.BlobCommittedBlockCount;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.AppendPositionConditionNotMet)
        {
            if (!await LandedAlreadyAsync(blob, line, cancellationToken))
            {
                throw Conflict($"{logs.Name}/{blob.Name} is no longer {_position} bytes long", e);
            }
        }

        _position += line.Length;
    }

    /// <summary>
    /// Whether <paramref name="line"/> is already the end of the segment, exactly where this instance meant to
    /// put it: an append whose response was lost and that the client retried, or a call the caller repeats
    /// with the same batch after an error, then finds its own block instead of someone else's.
    /// </summary>
    private async Task<bool> LandedAlreadyAsync(AppendBlobClient blob, byte[] line, CancellationToken cancellationToken)
    {
        var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
        if (properties.Value.ContentLength != _position + line.Length)
        {
            return false;
        }

        var tail = await blob.DownloadContentAsync(
            new BlobDownloadOptions
            {
                Range = new HttpRange(_position, line.Length),
                Conditions = new BlobRequestConditions { IfMatch = properties.Value.ETag },
            },
            cancellationToken);
        if (!tail.Value.Content.ToMemory().Span.SequenceEqual(line))
        {
            return false;
        }

        _blocks = properties.Value.BlobCommittedBlockCount;
        return true;
    }

    /// <summary>
    /// Closes the current segment with a line naming the next and opens the next. The closing append is
    /// conditional like any other, so afterwards no stale writer can add to the closed segment either.
    /// </summary>
    private async Task RollAsync(CancellationToken cancellationToken)
    {
        await AppendLineAsync(DraftLogSerializer.WriteSegmentEnd(_segment + 1), cancellationToken);
        (_segment, _segmentExists, _position, _blocks) = (_segment + 1, false, 0, 0);
        await logs.GetAppendBlobClient(SegmentName(_segment)).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _segmentExists = true;
    }

    private async Task WritePointerAsync(long sequence, CancellationToken cancellationToken)
    {
        var pointer = snapshots.GetBlobClient(PointerName);
        try
        {
            var written = await pointer.UploadAsync(
                new BinaryData(DraftSnapshotSerializer.WritePointer(sequence)),
                new BlobUploadOptions
                {
                    Conditions = _pointerETag is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
            _pointerETag = written.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // As with appends, a retried upload whose first try went through finds its own pointer.
            var current = await TryDownloadAsync(pointer, cancellationToken);
            if (current is null || DraftSnapshotSerializer.ReadPointer(current.Content.ToMemory()) != sequence)
            {
                throw Conflict($"{snapshots.Name}/{PointerName} was changed", e);
            }

            _pointerETag = current.Details.ETag;
        }
    }
}
