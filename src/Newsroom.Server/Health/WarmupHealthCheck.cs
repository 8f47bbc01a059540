using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Newsroom.Server.Health;

/// <summary>Ready once <see cref="StartupWarmup"/> has run (or given up), so no editor gets a cold process.</summary>
public sealed class WarmupHealthCheck(StartupWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !warmup.Done.IsCompleted ? HealthCheckResult.Unhealthy("Warming up.")
            : warmup.Succeeded ? HealthCheckResult.Healthy("Warmed up.")
            : HealthCheckResult.Healthy("The warm-up gave up (see the log); the first draft opened loads cold."));
}
