using Microsoft.AspNetCore.Authorization;
using Newsroom.Grains.Telemetry;
using Newsroom.Server.Auth;
using Newsroom.Server.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Newsroom.Server.Extensions;

/// <summary>What operators see: metrics and traces through OpenTelemetry, and the Orleans dashboard (README "What operators see").</summary>
public static class TelemetryExtensions
{
    /// <summary>The meters exported: the newsroom's own, Orleans', and the runtime's and ASP.NET Core's that say how a silo is.</summary>
    public static readonly string[] Meters =
    [
        NewsroomMetrics.MeterName,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http.Connections",
        "System.Runtime",
    ];

    /// <summary>
    /// The spans exported: a hub call (the newsroom's), the grain calls it makes (Orleans'), storage requests (Azure's).
    /// Not Orleans' own runtime calls (membership probes, directory, timers): several a second on an idle silo, they
    /// were most of what was exported and say nothing about a reader's or an editor's request.
    /// </summary>
    public static readonly string[] TraceSources =
    [
        NewsroomTracing.SourceName,
        "Microsoft.Orleans.Application",
        "Azure.*",
    ];

    public static WebApplicationBuilder AddNewsroomTelemetry(this WebApplicationBuilder builder)
    {
        var options = TelemetryOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IAuthorizationHandler, MetricsScrapeHandler>();
        builder.UseOrleans(silo =>
        {
            if (options.Dashboard)
            {
                // No live log stream: a log line then costs only the configured providers, and the dashboard shows no
                // readers' or staff's names that the logs carry.
                silo.AddDashboard(o => o.HideTrace = true);
            }

            if (options.ExportsTraces)
            {
                // A grain call carries its caller's trace, so a hub call's trace reaches the grains and their storage.
                silo.AddActivityPropagation();
            }
        });

        if (options.Exporter == TelemetryExporter.None)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("newsroom"));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(Meters);
            _ = options.Exporter switch
            {
                // Each scrape reads the meters now: the endpoint is for admins and one scraper, not for the crowd a cache is for.
                TelemetryExporter.Prometheus => metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0),
                TelemetryExporter.Otlp => metrics.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint!),
                _ => metrics.AddConsoleExporter((_, reader) =>
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)options.ConsoleMetricsInterval.TotalMilliseconds),
            };
        });
        if (options.ExportsTraces)
        {
            // Azure's clients make spans for their requests only when asked to.
            AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(TraceSources);
                _ = options.Exporter == TelemetryExporter.Otlp
                    ? tracing.AddOtlpExporter(o => o.Endpoint = options.OtlpEndpoint!)
                    : tracing.AddConsoleExporter();
            });
        }

        return builder;
    }

    /// <summary><c>/metrics</c> (Prometheus) for admins and the scrape token; <c>/dashboard</c> for admins.</summary>
    public static WebApplication MapNewsroomOperations(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.Exporter == TelemetryExporter.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(NewsroomPolicies.ReadMetrics);
        }

        if (options.Dashboard)
        {
            app.MapOrleansDashboard(DashboardPath).RequireAuthorization(NewsroomPolicies.Administer);
        }

        return app;
    }

    public const string MetricsPath = "/metrics";

    public const string DashboardPath = "/dashboard";
}
