using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;

namespace Newsroom.Grains.Drafts.Storage;

/// <summary>Opens draft logs kept in Azure Blob storage; one per silo, shared by every draft grain on it.</summary>
public sealed class BlobDraftLogFactory : IDraftLogFactory
{
    private readonly BlobContainerClient _logs;
    private readonly BlobContainerClient _snapshots;
    private readonly DraftLogOptions _options;
    private readonly Lock _lock = new();
    private Task? _containers;

    public BlobDraftLogFactory(BlobServiceClient blobs, IOptions<DraftLogOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        DraftLogOptionsValidator.ThrowIfInvalid(options.Value);
        _options = options.Value;
        _logs = blobs.GetBlobContainerClient(_options.LogContainer);
        _snapshots = blobs.GetBlobContainerClient(_options.SnapshotContainer);
    }

    /// <summary>Opens the log of <paramref name="draftId"/>, which must be a valid channel key (as in <c>draft:{id}</c>).</summary>
    public IDraftLog Open(string draftId)
    {
        // The id becomes a blob name prefix: the channel key rules keep '/' (which would nest one draft's
        // blobs inside another's) out of it, and names of dots only, which URLs would resolve away.
        _ = ChannelName.Draft(draftId);
        if (draftId.All(c => c == '.'))
        {
            throw new ArgumentException($"Draft id '{draftId}' cannot be used as a blob name.", nameof(draftId));
        }

        return new BlobDraftLog(draftId, _logs, _snapshots, _options, EnsureContainersAsync);
    }

    private Task EnsureContainersAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // Once per factory, not per load; a failed attempt (storage down at start) is tried again next time.
            if (_containers is null || _containers.IsFaulted || _containers.IsCanceled)
            {
                _containers = Task.WhenAll(
                    _logs.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None),
                    _snapshots.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None));
            }

            return _containers.WaitAsync(cancellationToken);
        }
    }
}
