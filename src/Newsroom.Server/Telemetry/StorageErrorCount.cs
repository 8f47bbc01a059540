using Azure.Core;
using Azure.Core.Pipeline;
using Newsroom.Grains.Telemetry;

namespace Newsroom.Server.Telemetry;

/// <summary>
/// Counts every storage attempt that failed (<see cref="NewsroomMetrics.StorageErrors"/>): throttled (429), timed out
/// (408), a server error (5xx), or no answer at all. Each retry counts, so an operator sees storage struggling before
/// anything fails for good. Conflicts and missing entities (409, 412, 404) are how conditional writes work, not errors.
/// </summary>
public sealed class StorageErrorCount(string service) : HttpPipelinePolicy
{
    public static T AddTo<T>(T options, string service)
        where T : ClientOptions
    {
        options.AddPolicy(new StorageErrorCount(service), HttpPipelinePosition.PerRetry);
        return options;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception) when (!message.CancellationToken.IsCancellationRequested)
        {
            Count("none");
            throw;
        }

        CountIfFailed(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        catch (Exception) when (!message.CancellationToken.IsCancellationRequested)
        {
            Count("none");
            throw;
        }

        CountIfFailed(message);
    }

    private void CountIfFailed(HttpMessage message)
    {
        if (message.HasResponse && message.Response.Status is 408 or 429 or >= 500)
        {
            Count(message.Response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private void Count(string status) => NewsroomMetrics.StorageErrors.Add(
        1, new KeyValuePair<string, object?>("service", service), new KeyValuePair<string, object?>("status", status));
}
