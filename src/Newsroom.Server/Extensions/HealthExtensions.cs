using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Health;

namespace Newsroom.Server.Extensions;

public static class HealthExtensions
{
    /// <summary>Checks with this tag must pass for <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddNewsroomHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DraftWarmup>();
        builder.Services.AddSingleton<StartupWarmup>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StartupWarmup>());
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<WarmupHealthCheck>("warm-up", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process serves requests (no checks, so a storage outage does not get it
    /// restarted). <c>/health/ready</c>: it can also reach storage and has warmed up, so a load balancer may
    /// send it traffic.
    /// </summary>
    public static WebApplication MapNewsroomHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson });
        return app;
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        });
    }
}
