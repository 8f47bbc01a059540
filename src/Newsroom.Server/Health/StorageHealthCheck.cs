using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Health;

/// <summary>
/// Ready only while Azure Storage answers: without it no grain can load or save its state. Notifications kept in an
/// account of their own are asked too: without it no inbox can load.
/// </summary>
public sealed class StorageHealthCheck(StorageConnection storage) : IHealthCheck
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(3);

    // No retries: a probe must answer within its own timeout, and the next probe is the retry.
    private readonly BlobServiceClient _blobs = storage.CreateBlobClient(new BlobClientOptions
    {
        Retry = { MaxRetries = 0, NetworkTimeout = _timeout, Mode = RetryMode.Fixed },
    });

    private readonly TableServiceClient? _notificationTables = storage.NotificationsApart
        ? storage.CreateNotificationTableClient(new TableClientOptions
        {
            Retry = { MaxRetries = 0, NetworkTimeout = _timeout, Mode = RetryMode.Fixed },
        })
        : null;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var asking = "Azure Storage";
        try
        {
            await _blobs.GetPropertiesAsync(timeout.Token);
            if (_notificationTables is not null)
            {
                asking = "The notifications' Azure Storage account";
                await _notificationTables.GetPropertiesAsync(timeout.Token);
            }

            return HealthCheckResult.Healthy("Azure Storage answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{asking} does not answer: {e.GetType().Name}.", e);
        }
    }
}
