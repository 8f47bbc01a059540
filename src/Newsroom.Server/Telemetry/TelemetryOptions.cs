using Newsroom.Server.Configuration;

namespace Newsroom.Server.Telemetry;

/// <summary>Where a silo's metrics and traces go.</summary>
public enum TelemetryExporter
{
    /// <summary>Metrics at <c>/metrics</c> in Prometheus' text format, for a scraper; no traces.</summary>
    Prometheus,

    /// <summary>Metrics and traces to an OpenTelemetry collector at <see cref="TelemetryOptions.OtlpEndpoint"/>.</summary>
    Otlp,

    /// <summary>Metrics and traces written to standard output, for a developer's terminal.</summary>
    Console,

    /// <summary>Nothing exported.</summary>
    None,
}

/// <summary><c>Newsroom:Telemetry</c>: what operators see (README "What operators see").</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Newsroom:Telemetry";

    /// <summary>A scrape token shorter than this is refused: it is a password.</summary>
    public const int MinScrapeTokenLength = 32;

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.Prometheus;

    /// <summary>The collector's OTLP address (gRPC, e.g. <c>http://otel-collector:4317</c>); required with <c>Otlp</c>.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// A bearer token that lets a scraper read <c>/metrics</c> (Prometheus' <c>authorization</c> setting); without one,
    /// only a signed-in admin may.
    /// </summary>
    public string? ScrapeToken { get; set; }

    /// <summary>The Orleans dashboard at <c>/dashboard</c>, for admins.</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>How often the console exporter writes the metrics.</summary>
    public TimeSpan ConsoleMetricsInterval { get; set; } = TimeSpan.FromSeconds(60);

    public bool ExportsTraces => Exporter is TelemetryExporter.Otlp or TelemetryExporter.Console;

    /// <summary>Reads and checks the section; throws <see cref="NewsroomConfigurationException"/> naming a wrong value.</summary>
    public static TelemetryOptions FromConfiguration(IConfiguration configuration)
    {
        TelemetryOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException(
                $"{Section} is invalid: {e.Message} Exporter is one of {string.Join(", ", Enum.GetNames<TelemetryExporter>())}.");
        }

        if (options.Exporter == TelemetryExporter.Otlp && options.OtlpEndpoint is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
        {
            throw new NewsroomConfigurationException(
                $"{Section}:Exporter is Otlp, so {Section}:OtlpEndpoint must be the collector's http(s) address, e.g. http://otel-collector:4317.");
        }

        if (options.ScrapeToken is { } token && token.Length < MinScrapeTokenLength)
        {
            throw new NewsroomConfigurationException(
                $"{Section}:ScrapeToken must be at least {MinScrapeTokenLength} characters (it is a password), or left out.");
        }

        if (options.ConsoleMetricsInterval < TimeSpan.FromSeconds(1))
        {
            throw new NewsroomConfigurationException($"{Section}:ConsoleMetricsInterval must be at least 1 second.");
        }

        return options;
    }
}
