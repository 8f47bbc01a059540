using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Health;

/// <summary>Ready only while Azure Storage answers: without it no grain can load or save its state.</summary>
public sealed class StorageHealthCheck(StorageConnection storage) : IHealthCheck
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(3);

    // No retries: a probe must answer within its own timeout, and the next probe is the retry.
    private readonly BlobServiceClient _blobs = storage.CreateBlobClient(new BlobClientOptions
    {
        Retry = { MaxRetries = 0, NetworkTimeout = _timeout, Mode = RetryMode.Fixed },
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            await _blobs.GetPropertiesAsync(timeout.Token);
            return HealthCheckResult.Healthy("Azure Storage answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"Azure Storage does not answer: {e.GetType().Name}.", e);
        }
    }
}
