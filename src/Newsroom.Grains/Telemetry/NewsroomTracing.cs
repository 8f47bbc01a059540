using System.Diagnostics;

namespace Newsroom.Grains.Telemetry;

/// <summary>
/// The newsroom's spans: a hub call, and the storage write it leads to. A span costs nothing unless a tracer listens
/// (README "What operators see": traces are exported to OTLP or the console when configured).
/// </summary>
public static class NewsroomTracing
{
    public const string SourceName = "Newsroom";

    public static readonly ActivitySource Source = new(SourceName);
}
